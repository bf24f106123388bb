using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.ReadModels;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>
/// The clients list must stay fast with thousands of clients: the number of SQL commands per page is fixed, whatever
/// the page size (one, and a count when the page is full or past the end). Commands are counted from EF Core's
/// diagnostics, only for the test's own DbContext instance.
/// </summary>
public sealed class ClientListQueryCountTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(50)]
    public async Task APageThatHoldsEveryone_TakesOneCommand_WhateverItsSize(int roomToSpare)
    {
        var (slice, commands, clients) = await ReadAsync((account, count) => new MyClientsFilter(account, null, 0, count + roomToSpare));

        Assert.Equal(clients, slice.TotalCount);
        Assert.Equal(clients, slice.Rows.Count);
        Assert.Equal(1, commands);
    }

    [Fact]
    public async Task TheLastPageOfSeveral_TakesOneCommand_AndCountsEveryone()
    {
        var (slice, commands, clients) = await ReadAsync((account, count) => new MyClientsFilter(account, null, count - 1, 5));

        Assert.Single(slice.Rows);
        Assert.Equal(clients, slice.TotalCount);
        Assert.Equal(1, commands);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task AFullPage_TakesASecondCommand_ToCountEveryone(int pageSize)
    {
        var (slice, commands, clients) = await ReadAsync((account, _) => new MyClientsFilter(account, null, 0, pageSize));

        Assert.Equal(pageSize, slice.Rows.Count);
        Assert.Equal(clients, slice.TotalCount);
        Assert.Equal(2, commands);
    }

    [Fact]
    public async Task APagePastTheEnd_TakesASecondCommand_ToCountEveryone()
    {
        var (slice, commands, clients) = await ReadAsync((account, count) => new MyClientsFilter(account, null, count + 10, 25));

        Assert.Empty(slice.Rows);
        Assert.Equal(clients, slice.TotalCount);
        Assert.Equal(2, commands);
    }

    /// <summary>
    /// The use case reads through the node's cache (docs/decisions/0010): the hubs' versions on every request (on SQLite
    /// by the version reader's own prepared statement, not through the context), and the page once.
    /// </summary>
    [Fact]
    public async Task TheWholeUseCase_ForClientsThatFitOnePage_TakesOneCommandThroughTheContext_ThenNone()
    {
        var (userId, clients) = await ProfessionalAsync();
        Assert.True(clients < GetMyClientsQuery.PageSize, "The demo professional's clients fit on one page.");
        var (first, firstCommands) = await HandleAsync(userId);
        var (again, againCommands) = await HandleAsync(userId);

        Assert.NotEmpty(first.Rows);
        Assert.All(first.Rows, r => Assert.False(string.IsNullOrEmpty(r.HubName)));
        Assert.Equal(first.Rows.Select(r => r.MemberId), again.Rows.Select(r => r.MemberId));
        Assert.NotNull(first.RowsKey);
        Assert.Equal(first.RowsKey, again.RowsKey);
        Assert.Equal(1, firstCommands);
        Assert.Equal(0, againCommands);
    }

    private async Task<(MyClientsPageDto Page, int Commands)> HandleAsync(string userId)
    {
        using var scope = app.Factory.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<GetMyClientsHandler>();
        using var counter = new CommandCounter(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());
        var page = await handler.Handle(new GetMyClientsQuery(userId, null), CancellationToken.None);
        return (page, counter.Count);
    }

    /// <summary>
    /// Reads the page that <paramref name="filterFor"/> makes of the demo professional's account and client count with
    /// the reader behind the cache, and counts the SQL commands it took.
    /// </summary>
    private async Task<(MyClientsSlice Slice, int Commands, int Clients)> ReadAsync(Func<string, int, MyClientsFilter> filterFor)
    {
        var (userId, clients) = await ProfessionalAsync();
        using var scope = app.Factory.Services.CreateScope();
        var reader = scope.ServiceProvider.GetRequiredService<MyClientsReader>();
        using var counter = new CommandCounter(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());
        var slice = await reader.ReadAsync(filterFor(userId, clients), CancellationToken.None);
        return (slice, counter.Count, clients);
    }

    /// <summary>The demo's first professional: their account and how many active clients they have, counted directly.</summary>
    private Task<(string UserId, int Clients)> ProfessionalAsync() =>
        app.Factory.QueryAsync(async db =>
        {
            var professional = await db.Professionals.SingleAsync(p => p.Email == DemoHub.FirstProfessional);
            var clients = await db.ClientConnections.Where(c => c.ProfessionalId == professional.Id)
                .Join(db.Members.Where(m => m.DeactivatedAt == null), c => c.MemberId, m => m.Id, (c, m) => m.Id).Distinct().CountAsync();
            return (professional.UserId!, clients);
        });
}
