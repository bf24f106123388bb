using System.Reflection;
using NetArchTest.Rules;

namespace Wellbeing.Architecture.Tests;

public sealed class LayerRules
{
    private static readonly Assembly Domain = typeof(Wellbeing.Domain.Hubs.Hub).Assembly;
    private static readonly Assembly Application = typeof(Wellbeing.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Wellbeing.Infrastructure.Persistence.WellbeingDbContext).Assembly;
    private static readonly Assembly Web = typeof(Wellbeing.Web.DependencyInjection).Assembly;

    [Fact]
    public void Domain_DependsOnNoOtherLayerNorFramework() =>
        AssertNone(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "Wellbeing.Application", "Wellbeing.Infrastructure", "Wellbeing.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
            "Ardalis.Specification"));

    [Fact]
    public void Application_DependsOnNeitherInfrastructureNorWebNorEfCore() =>
        AssertNone(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "Wellbeing.Infrastructure", "Wellbeing.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"));

    [Fact]
    public void Infrastructure_DoesNotDependOnWeb() =>
        AssertNone(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Wellbeing.Web"));

    /// <summary>HR sees published period blocks only: its use cases cannot even name a submission.</summary>
    [Fact]
    public void HrUseCases_CannotReachSubmissionData() =>
        AssertNone(Types.InAssembly(Application).That().ResideInNamespace("Wellbeing.Application.Hr")
            .ShouldNot().HaveDependencyOnAny("Wellbeing.Domain.Submissions", "Wellbeing.Domain.Sessions", "Wellbeing.Domain.Sharing"));

    /// <summary>HR use cases do not even reach the publication's set-based reader of submissions.</summary>
    [Fact]
    public void HrUseCases_CannotReachThePeriodSource() =>
        AssertNone(Types.InAssembly(Application).That().ResideInNamespace("Wellbeing.Application.Hr")
            .ShouldNot().HaveDependencyOnAny("Wellbeing.Application.Statistics", "Wellbeing.Domain.Members"));

    /// <summary>The HR pages and export call HR use cases only, never the publication or its source.</summary>
    [Fact]
    public void HrController_CannotReachThePublication() =>
        AssertNone(Types.InAssembly(Web).That().HaveName("HrController")
            .ShouldNot().HaveDependencyOnAny("Wellbeing.Application.Statistics", "Wellbeing.Domain.Submissions", "Wellbeing.Infrastructure.Statistics"));

    /// <summary>
    /// The professional's own alliance score is read from published months only: its use case cannot name a rating,
    /// a session, a share grant or a member, nor the publication's reader of them.
    /// </summary>
    [Fact]
    public void MyAllianceScoreQuery_CannotReachSubmissionData()
    {
        const string UseCase = "Wellbeing.Application.Professionals.Queries.GetMyAllianceScore";
        Assert.Contains(Types.InAssembly(Application).That().ResideInNamespace(UseCase).GetTypes(), t => t.Name.EndsWith("Handler", StringComparison.Ordinal));
        AssertNone(Types.InAssembly(Application).That().ResideInNamespace(UseCase)
            .ShouldNot().HaveDependencyOnAny(
                "Wellbeing.Domain.Submissions", "Wellbeing.Domain.Sessions", "Wellbeing.Domain.Sharing", "Wellbeing.Domain.Members",
                "Wellbeing.Application.Professionals.Commands.PublishAllianceScores"));
    }

    /// <summary>The professional's alliance page calls its query only, never the publication or its reader.</summary>
    [Fact]
    public void MyAllianceController_CannotReachThePublication() =>
        AssertNone(Types.InAssembly(Web).That().HaveName("MyAllianceController")
            .ShouldNot().HaveDependencyOnAny(
                "Wellbeing.Application.Professionals.Commands.PublishAllianceScores", "Wellbeing.Domain.Submissions", "Wellbeing.Infrastructure.Professionals"));

    /// <summary>
    /// The partner API's statistics come from the HR dashboard query itself: this use case holds no repository or
    /// reader of its own, so its suppression can only ever be the HR page's.
    /// </summary>
    [Fact]
    public void PublishedAggregatesUseCase_ReadsOnlyThroughTheHrQuery()
    {
        const string UseCase = "Wellbeing.Application.Hr.Queries.GetPublishedAggregates";
        Assert.Contains(Types.InAssembly(Application).That().ResideInNamespace(UseCase).GetTypes(), t => t.Name.EndsWith("Handler", StringComparison.Ordinal));
        Assert.Contains(Types.InAssembly(Application).That().ResideInNamespace(UseCase).And().HaveDependencyOn("Wellbeing.Application.Hr.Queries.GetHrDashboard").GetTypes(), t => t.Name.EndsWith("Handler", StringComparison.Ordinal));
        AssertNone(Types.InAssembly(Application).That().ResideInNamespace(UseCase)
            .ShouldNot().HaveDependencyOnAny("Wellbeing.Application.Common.Interfaces", "Wellbeing.Domain.Statistics.PeriodBlock", "Wellbeing.Domain.Members"));
    }

    /// <summary>The API controllers, like the HR pages, call HR use cases and never the publication, its source or the database.</summary>
    [Fact]
    public void ApiControllers_CannotReachThePublicationNorTheDatabase()
    {
        Assert.NotEmpty(Types.InAssembly(Web).That().ResideInNamespace("Wellbeing.Web.Controllers.Api").GetTypes());
        AssertNone(Types.InAssembly(Web).That().ResideInNamespace("Wellbeing.Web.Controllers.Api")
            .ShouldNot().HaveDependencyOnAny(
                "Wellbeing.Application.Statistics", "Wellbeing.Domain.Submissions", "Wellbeing.Domain.Members", "Wellbeing.Infrastructure"));
    }

    /// <summary>Controllers bind, call a use case and render; data access stays behind the application layer.</summary>
    [Fact]
    public void Controllers_DoNotTouchPersistence() =>
        AssertNone(Types.InAssembly(Web).That().ResideInNamespace("Wellbeing.Web.Controllers")
            .ShouldNot().HaveDependencyOnAny("Wellbeing.Infrastructure.Persistence", "Microsoft.EntityFrameworkCore"));

    /// <summary>
    /// Controllers, views and the rest of the web layer reach the application's use cases, never Infrastructure. The
    /// exceptions are the composition root and two adapters that plug Infrastructure types into framework hooks:
    /// <list type="bullet">
    /// <item><c>Program</c> and <c>DependencyInjection</c> wire the layers together (the database health check names the context);
    /// <c>MigrateCommand</c>, <c>CreateAdminCommand</c> and <c>VerifyAuditCommand</c> are the composition roots of the
    /// <c>migrate</c>, <c>create-admin</c> and <c>verify-audit</c> verbs, which wire only Application and Infrastructure.</item>
    /// <item><c>HubClaimsPrincipalFactory</c> is ASP.NET Core Identity's factory, typed by Identity's user (ApplicationUser).</item>
    /// <item><c>ClientAuthenticationAnswers</c> is an OpenIddict server handler that checks a decoy secret through the
    /// partner application manager, so that an unknown client costs the same work as a known one.</item>
    /// </list>
    /// </summary>
    [Fact]
    public void Web_DependsOnInfrastructureOnlyInItsCompositionRoot()
    {
        string[] compositionRoot =
        [
            "Program",
            "Wellbeing.Web.DependencyInjection",
            "Wellbeing.Web.MigrateCommand",
            "Wellbeing.Web.CreateAdminCommand",
            "Wellbeing.Web.VerifyAuditCommand",
            "Wellbeing.Web.CommandVerbs",
            "Wellbeing.Web.Security.HubClaimsPrincipalFactory",
            "Wellbeing.Web.PartnerApi.ClientAuthenticationAnswers",
        ];

        // Razor views are compiled into the web assembly under this namespace: the rule reads them as well.
        Assert.NotEmpty(Types.InAssembly(Web).That().ResideInNamespace("AspNetCoreGeneratedDocument").GetTypes());
        var result = Types.InAssembly(Web).ShouldNot().HaveDependencyOn("Wellbeing.Infrastructure").GetResult();

        // A nested type (an async state machine, a closure) belongs to the type that declares it.
        var breaking = (result.FailingTypeNames ?? []).Where(name => !compositionRoot.Contains(name.Split('/', '+')[0])).ToList();
        Assert.True(breaking.Count == 0, "Breaking types: " + string.Join(", ", breaking));
    }

    [Fact]
    public void UseCaseHandlers_AreSealed() =>
        AssertNone(Types.InAssembly(Application).That().HaveNameEndingWith("Handler").Should().BeSealed());

    private static void AssertNone(ConditionList condition)
    {
        var result = condition.GetResult();
        Assert.True(result.IsSuccessful, "Breaking types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
