using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Common.Specifications;
using Wellbeing.Domain.Members;
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
    public async Task Queries_AreUntrackedUnlessTheSpecificationAsks_AndTrackedChangesAreSaved()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        await using (var seed = database.CreateContext())
        {
            seed.AddRange(hub, member);
            await seed.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            var repository = new EfRepository<Member>(context, new SpecificationEvaluator());
            Assert.NotNull(await repository.FirstOrDefaultAsync(new MemberById(member.Id, tracking: false)));
            Assert.Empty(context.ChangeTracker.Entries());

            var tracked = await repository.FirstOrDefaultAsync(new MemberById(member.Id, tracking: true));
            tracked!.OptOutOfReminders();
            await ((Application.Common.Interfaces.IUnitOfWork)context).SaveChangesAsync();
        }

        await using var reader = database.CreateContext();
        Assert.True((await reader.Members.SingleAsync(m => m.Id == member.Id)).RemindersOptedOut);
    }

    private sealed record MemberName(Guid Id, string DisplayName);

    private sealed class MemberNamesOfHub : Specification<Member, MemberName>
    {
        public MemberNamesOfHub(Guid hubId, int page, int pageSize)
        {
            Query.Where(m => m.HubId == hubId)
                .OrderBy(m => m.DisplayName)
                .OrderBy(m => m.Id)
                .Paginate((page - 1) * pageSize, pageSize);
            Select(m => new MemberName(m.Id, m.DisplayName));
        }
    }

    private sealed class MemberById : Specification<Member>
    {
        public MemberById(Guid id, bool tracking)
        {
            Query.Where(m => m.Id == id);
            if (tracking)
            {
                Query.AsTracking();
            }
        }
    }
}
