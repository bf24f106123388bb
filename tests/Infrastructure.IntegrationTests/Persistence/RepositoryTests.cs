using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

public sealed class RepositoryTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task PageOfAProjection_ComesBackInOrder_AndTheCountIgnoresPaging()
    {
        var hub = TestData.Hub();
        var other = TestData.Hub();
        string[] names = ["Eve", "Bob", "Dan", "Ann", "Cid"];
        await using (var seed = database.CreateContext())
        {
            seed.AddRange(hub, other, TestData.Member(other, "Zed"));
            seed.AddRange(names.Select(n => TestData.Member(hub, n)));
            await seed.SaveChangesAsync();
        }

        await using var context = database.CreateContext();
        var repository = new EfRepository<Member>(context, new SpecificationEvaluator());
        var secondPage = new MemberNamesOfHub(hub.Id, page: 2, pageSize: 2);

        var page = await repository.ListAsync(secondPage);
        var count = await repository.CountAsync(secondPage);
        var first = await repository.FirstOrDefaultAsync(new MemberNamesOfHub(hub.Id, page: 1, pageSize: 2));

        Assert.Equal(["Cid", "Dan"], page.Select(m => m.DisplayName));
        Assert.Equal(5, count);
        Assert.Equal("Ann", first?.DisplayName);
        Assert.True(await repository.AnyAsync(secondPage));
    }

    [Fact]
    public async Task Queries_AreUntrackedWhenTheSpecificationSaysSo_AndTrackedChangesAreSaved()
    {
        var member = await SeedMemberAsync();

        await using (var context = database.CreateContext())
        {
            var repository = new EfRepository<Member>(context, new SpecificationEvaluator());
            Assert.NotNull(await repository.FirstOrDefaultAsync(new MemberById(member.Id, tracking: false)));
            Assert.Empty(context.ChangeTracker.Entries());

            var tracked = await repository.FirstOrDefaultAsync(new MemberById(member.Id, tracking: true));
            tracked!.ChooseEmails(EmailTopic.WellbeingIndex, receive: false);
            await ((Application.Common.Interfaces.IUnitOfWork)context).SaveChangesAsync();
        }

        await using var reader = database.CreateContext();
        Assert.True((await reader.Members.SingleAsync(m => m.Id == member.Id)).WellbeingEmailsOff);
    }

    [Fact]
    public async Task A_specification_without_a_tracking_choice_gets_the_contexts_default_as_with_the_package()
    {
        var member = await SeedMemberAsync();

        await using var context = database.CreateContext();
        var repository = new EfRepository<Member>(context, new SpecificationEvaluator());
        Assert.NotNull(await repository.FirstOrDefaultAsync(new MemberById(member.Id, tracking: null)));
        Assert.Single(context.ChangeTracker.Entries<Member>());
    }

    [Fact]
    public async Task Include_IsHandedToEf_WithTheNavigationItNames()
    {
        await using var context = database.CreateContext();

        var query = new SpecificationEvaluator().GetQuery(context.Professionals, new ProfessionalWithHubs());

        Assert.Contains(".Include(p => p.Hubs)", query.Expression.ToString(), StringComparison.Ordinal);
        Assert.Empty(await query.ToListAsync());
    }

    [Fact]
    public async Task AsSplitQuery_IsHandedToEf()
    {
        await using var context = database.CreateContext();

        var query = new SpecificationEvaluator().GetQuery(context.Professionals, new ProfessionalWithHubs(splitQuery: true));

        Assert.Contains(".AsSplitQuery()", query.Expression.ToString(), StringComparison.Ordinal);
        Assert.Empty(await query.ToListAsync());
    }

    public static TheoryData<string, ISpecification<Member>> UnevaluatedFeatures() => new()
    {
        { "Search", new MemberSpec(q => q.Search(m => m.DisplayName, "%Ann%")) },
        { "Include by name", new MemberSpec(q => q.Include("Hub")) },
        { "TagWith", new MemberSpec(q => q.TagWith("members")) },
        { "EnableCache", new MemberSpec(q => q.EnableCache("members")) },
        { "PostProcessingAction", new MemberSpec(q => q.PostProcessingAction(members => members.Take(1))) },
        { "AsNoTrackingWithIdentityResolution", new MemberSpec(q => q.AsNoTrackingWithIdentityResolution()) },
        { "IgnoreQueryFilters", new MemberSpec(q => q.IgnoreQueryFilters()) },
        { "IgnoreAutoIncludes", new MemberSpec(q => q.IgnoreAutoIncludes()) },
    };

    [Theory]
    [MemberData(nameof(UnevaluatedFeatures))]
    public async Task A_feature_the_evaluator_does_not_evaluate_is_refused_by_name_rather_than_dropped(string feature, ISpecification<Member> specification)
    {
        await using var context = database.CreateContext();
        var repository = new EfRepository<Member>(context, new SpecificationEvaluator());

        var refusal = await Assert.ThrowsAsync<NotSupportedException>(() => repository.ListAsync(specification));
        Assert.Contains(feature, refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotSupportedException>(() => repository.CountAsync(specification));
    }

    [Fact]
    public async Task ThenInclude_SelectMany_and_a_projections_post_processing_are_refused_by_name_rather_than_dropped()
    {
        await using var context = database.CreateContext();
        var evaluator = new SpecificationEvaluator();

        var thenInclude = Assert.Throws<NotSupportedException>(() => evaluator.GetQuery(context.Professionals, new ProfessionalWithHubs(thenIncludeHub: true)));
        var selectMany = Assert.Throws<NotSupportedException>(() =>
            evaluator.GetQuery(context.Professionals, new ProfessionalIds(q => q.SelectMany(p => p.Hubs.Select(h => h.HubId)))));
        var postProcessing = Assert.Throws<NotSupportedException>(() =>
            evaluator.GetQuery(context.Professionals, new ProfessionalIds(q => q.PostProcessingAction(ids => ids.Distinct()).Select(p => p.Id))));

        Assert.Contains("ThenInclude", thenInclude.Message, StringComparison.Ordinal);
        Assert.Contains("SelectMany", selectMany.Message, StringComparison.Ordinal);
        Assert.Contains("PostProcessingAction", postProcessing.Message, StringComparison.Ordinal);
    }

    private async Task<Member> SeedMemberAsync()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        await using var seed = database.CreateContext();
        seed.AddRange(hub, member);
        await seed.SaveChangesAsync();
        return member;
    }

    private sealed record MemberName(Guid Id, string DisplayName);

    private sealed class MemberNamesOfHub : Specification<Member, MemberName>
    {
        public MemberNamesOfHub(Guid hubId, int page, int pageSize)
        {
            Query.Where(m => m.HubId == hubId)
                .OrderBy(m => m.DisplayName)
                .ThenBy(m => m.Id)
                .Skip((page - 1) * pageSize)
                .Take(pageSize);
            Query.Select(m => new MemberName(m.Id, m.DisplayName));
        }
    }

    /// <param name="tracking">Null: the specification says neither AsTracking nor AsNoTracking.</param>
    private sealed class MemberById : Specification<Member>
    {
        public MemberById(Guid id, bool? tracking) =>
            Query.Where(m => m.Id == id).AsTracking(tracking == true).AsNoTracking(tracking == false);
    }

    private sealed class MemberSpec : Specification<Member>
    {
        public MemberSpec(Action<ISpecificationBuilder<Member>> build) => build(Query);
    }

    private sealed class ProfessionalWithHubs : Specification<Professional>
    {
        public ProfessionalWithHubs(bool thenIncludeHub = false, bool splitQuery = false)
        {
            var include = Query.Include(p => p.Hubs);
            if (thenIncludeHub)
            {
                include.ThenInclude(h => h.HubId);
            }

            if (splitQuery)
            {
                Query.AsSplitQuery();
            }
        }
    }

    private sealed class ProfessionalIds : Specification<Professional, Guid>
    {
        public ProfessionalIds(Action<ISpecificationBuilder<Professional, Guid>> build) => build(Query);
    }
}
