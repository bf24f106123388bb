using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>The Hangfire job that keeps OpenIddict's token table from growing without end.</summary>
public sealed class TokenPruningTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void ThePruning_IsARecurringJobUnderAStableId()
    {
        using var connection = app.Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == TokenPruningJob.RecurringJobId);

        Assert.Equal(typeof(TokenPruningJob), job.Job.Type);
        Assert.Equal(Cron.Daily(), job.Cron);
    }

    [Fact]
    public async Task LongExpiredTokens_AreRemoved_AndLiveOnesStillWork()
    {
        var http = app.Factory.CreateClient();
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var live = await TokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);
        var old = await AddExpiredTokenAsync(daysAgo: 30);
        var recent = await AddExpiredTokenAsync(daysAgo: 2);

        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TokenPruningJob>().RunAsync(CancellationToken.None);
        }

        Assert.False(await TokenExistsAsync(old));
        Assert.True(await TokenExistsAsync(recent), "tokens inside the grace period stay");
        await JsonAsync(await GetAsync(http, AggregatesPath(northwind), live));
    }

    private async Task<string> AddExpiredTokenAsync(int daysAgo)
    {
        using var scope = app.Factory.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var created = await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            CreationDate = DateTimeOffset.UtcNow.AddDays(-daysAgo),
            ExpirationDate = DateTimeOffset.UtcNow.AddDays(-daysAgo).AddHours(1),
            Status = OpenIddictConstants.Statuses.Valid,
            Subject = DemoHub.PartnerClientId,
            Type = OpenIddictConstants.TokenTypeHints.AccessToken,
        });
        return (await tokens.GetIdAsync(created))!;
    }

    private async Task<bool> TokenExistsAsync(string id)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().FindByIdAsync(id) is not null;
    }
}
