using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Account;

/// <summary>
/// A node remembers a session it found open for <see cref="SignInSession.Recheck"/>, so a signed-in request need not
/// read the session row. Ending sessions on this node (sign-out, password change, account deletion) takes effect here
/// at once, even against a read that was under way; a session ended on another node (its row deleted behind this
/// node's back) stops here within the recheck, on the app's clock.
/// </summary>
public sealed class SessionRecheckTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SqlCommands _commands = new();
    private readonly WellbeingAppFactory _factory;

    public SessionRecheckTests() => _factory = new WellbeingAppFactory
    {
        Clock = _clock,
        TestServices = services => services.ConfigureDbContext<SqliteWellbeingDbContext>(options => options.AddInterceptors(_commands), ServiceLifetime.Singleton),
    };

    [Fact]
    public async Task ASessionEndedOnAnotherNode_StillOpensPagesHere_WithinTheRecheck()
    {
        var client = await SignedInAndSeenAsync("client3@demo.wellbeing.test");

        await EndSessionsAsAnotherNodeWouldAsync("client3@demo.wellbeing.test");
        _clock.Advance(SignInSession.Recheck - TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task ASessionEndedOnAnotherNode_IsRefusedHere_AfterTheRecheck()
    {
        var client = await SignedInAndSeenAsync("client4@demo.wellbeing.test");

        await EndSessionsAsAnotherNodeWouldAsync("client4@demo.wellbeing.test");
        _clock.Advance(SignInSession.Recheck);

        await AssertSentToSignInAsync(client);
    }

    [Fact]
    public async Task ChangingThePassword_EndsEveryRememberedSessionOfTheAccountHere_AtOnce_AndKeepsTheNewOne()
    {
        const string email = "client5@demo.wellbeing.test";
        var phone = await SignedInAndSeenAsync(email);
        var laptop = await SignedInAndSeenAsync(email);

        var change = await laptop.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = DemoHub.Password,
            ["NewPassword"] = "Fresh!Start2026",
            ["ConfirmPassword"] = "Fresh!Start2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        await AssertSentToSignInAsync(phone);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task DeletingTheAccount_EndsEveryRememberedSessionOfTheAccountHere_AtOnce()
    {
        const string email = "client6@demo.wellbeing.test";
        var phone = await SignedInAndSeenAsync(email);
        var laptop = await SignedInAndSeenAsync(email);

        var delete = await laptop.PostFormAsync("/my-data", "/my-data/delete", new() { ["confirm"] = "true" });

        Assert.Equal("/my-data/deleted", delete.Headers.Location?.OriginalString);
        await AssertSentToSignInAsync(phone);
    }

    [Fact]
    public async Task ASessionReadJustBeforeSigningOut_IsNotRememberedAsOpen_WhenTheReadEndsAfterIt()
    {
        var (client, cookie) = await SignedInWithCookieAsync("client7@demo.wellbeing.test");
        var captured = BrowserlessClient.WithCookie(_factory, cookie);
        var signOutToken = Antiforgery.TokenOf(await client.Http.GetStringAsync("/dashboard"));
        _clock.Advance(SignInSession.Recheck);

        // The copied cookie's request reads the open row, and is held there while the owner signs out.
        var held = _commands.HoldNextSessionRead();
        var slow = captured.Http.GetAsync("/dashboard");
        await held.Reached;
        var signOut = await client.Http.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { [Antiforgery.FieldName] = signOutToken }));
        held.Release();
        await slow;

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        await AssertSentToSignInAsync(captured);
    }

    [Fact]
    public async Task ASignedInRequest_ReadsNoAccount_EvenLongAfterSigningIn()
    {
        var client = await SignedInAndSeenAsync("client8@demo.wellbeing.test");

        // Past Identity's security-stamp interval (30 minutes), which would read the account and re-issue the cookie.
        _clock.Advance(TimeSpan.FromMinutes(31));
        var reads = _commands.Counting("AspNetUsers");
        var response = await client.Http.GetAsync("/errors/403");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, reads.Count);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Signed in, and one page opened with the cookie, so this node has read the session and remembers it.</summary>
    private async Task<BrowserlessClient> SignedInAndSeenAsync(string email) => (await SignedInWithCookieAsync(email)).Client;

    private async Task<(BrowserlessClient Client, string Cookie)> SignedInWithCookieAsync(string email)
    {
        var client = BrowserlessClient.For(_factory);
        var signIn = await client.SignInAsync(email, DemoHub.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/dashboard")).StatusCode);
        return (client, BrowserlessClient.AuthCookieOf(signIn));
    }

    /// <summary>Deletes the account's session rows in the shared database without telling this node, as a sign-out elsewhere does.</summary>
    private Task EndSessionsAsAnotherNodeWouldAsync(string email) =>
        _factory.QueryAsync(db => db.SignInSessions.Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email)).ExecuteDeleteAsync());

    private static async Task AssertSentToSignInAsync(BrowserlessClient client)
    {
        var response = await client.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    /// <summary>Watches the app's SQL commands: counts those naming a table, and can hold the next read of a session row.</summary>
    private sealed class SqlCommands : DbCommandInterceptor
    {
        private readonly List<Counter> _counters = [];
        private HeldRead? _held;

        public Counter Counting(string table)
        {
            var counter = new Counter(table);
            lock (_counters)
            {
                _counters.Add(counter);
            }

            return counter;
        }

        public HeldRead HoldNextSessionRead() => _held = new HeldRead();

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            lock (_counters)
            {
                _counters.ForEach(c => c.Saw(command.CommandText));
            }

            // SQLite has read the first row when the reader is returned, so holding here holds a read that saw the row.
            if (command.CommandText.Contains("\"SignInSessions\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _held, null) is { } held)
            {
                await held.HoldAsync();
            }

            return result;
        }
    }

    private sealed class Counter(string table)
    {
        private int _count;

        public int Count => _count;

        public void Saw(string sql)
        {
            if (sql.Contains($"\"{table}\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }

    private sealed class HeldRead
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.SetResult();

        public Task HoldAsync()
        {
            _reached.SetResult();
            return _released.Task;
        }
    }
}
