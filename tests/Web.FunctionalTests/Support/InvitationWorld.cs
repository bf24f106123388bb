using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wellbeing.Application.Accounts.Commands.CreateAdministrator;
using Wellbeing.Domain.Invitations;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// An empty app (no demo data) with one hub and one administrator signed in, its clock standing still, its e-mail going
/// to a real SMTP server on loopback: an administrator invites people on the hub's invitations page, the outbox job sends
/// the e-mails, and the invited follow the link in what they received.
/// </summary>
public sealed partial class InvitationWorld : IAsyncDisposable
{
    public const string AdminEmail = "admin@invitations.test";

    private InvitationWorld(OutboxWorld outbox, HubScenario hub, BrowserlessClient admin)
    {
        Outbox = outbox;
        Hub = hub;
        Admin = admin;
    }

    public OutboxWorld Outbox { get; }

    public WellbeingAppFactory Factory => Outbox.Factory;

    public HubScenario Hub { get; }

    public BrowserlessClient Admin { get; }

    public string PagePath => $"/admin/hubs/{Hub.HubId}/invitations";

    /// <param name="settings">App settings to set before it starts (e.g. the invitation expiry).</param>
    public static async Task<InvitationWorld> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var outbox = OutboxWorld.Create();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            outbox.Factory.Settings[key] = value;
        }

        var hub = await HubScenario.CreateAsync(outbox.Factory, "Northwind");
        await using (var scope = outbox.Factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAdministratorHandler>().Handle(new(AdminEmail, DemoHub.Password), CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        var admin = BrowserlessClient.For(outbox.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(AdminEmail, DemoHub.Password)).StatusCode);
        return new InvitationWorld(outbox, hub, admin);
    }

    /// <summary>Posts one of the page's invitation forms ("hr-manager", "professional", "member") as the administrator.</summary>
    public Task<HttpResponseMessage> InviteAsync(string form, Dictionary<string, string> fields) =>
        Admin.PostFormAsync(PagePath, $"{PagePath}/{form}", fields);

    public Task<HttpResponseMessage> InviteHrManagerAsync(string email) => InviteAsync("hr-manager", new() { ["HrManager.Email"] = email });

    /// <summary>Sends the outbox, then reads the invitation link from the one e-mail this address received since <paramref name="before"/> messages.</summary>
    public async Task<string> LinkSentToAsync(string email, int before = 0)
    {
        await Outbox.RunJobAsync();
        var received = Outbox.ReceivedBy(email);
        Assert.Equal(before + 1, received.Count);
        return LinkIn(received[^1]);
    }

    /// <summary>The path of the invitation link in both bodies (they must agree).</summary>
    public static string LinkIn(MimeMessage message)
    {
        var inText = Link().Match(message.TextBody ?? string.Empty).Value;
        Assert.StartsWith("http://localhost/invitation/", inText);
        Assert.Contains($"href=\"{inText}\"", message.HtmlBody);
        return new Uri(inText).AbsolutePath;
    }

    /// <summary>Opens the link in a browser of its own and posts the set-password form with <paramref name="password"/>.</summary>
    public async Task<(HttpResponseMessage Response, BrowserlessClient Browser)> AcceptAsync(string link, string password = "Fresh!2026pass")
    {
        var browser = BrowserlessClient.For(Factory);
        var response = await browser.PostFormAsync(link, link, new() { ["Password"] = password, ["ConfirmPassword"] = password });
        return (response, browser);
    }

    /// <summary>
    /// Posts a password to a link whose page shows no form (used, withdrawn, expired, broken), as a form kept open in
    /// another tab would; the antiforgery token comes from the sign-in page.
    /// </summary>
    public Task<HttpResponseMessage> PostToDeadLinkAsync(string link) =>
        BrowserlessClient.For(Factory).PostFormAsync("/account/login", link, new() { ["Password"] = "Fresh!2026pass", ["ConfirmPassword"] = "Fresh!2026pass" });

    public Task<List<Invitation>> InvitationsAsync() =>
        Factory.QueryAsync(db => db.Invitations.AsNoTracking().Where(i => i.HubId == Hub.HubId).OrderBy(i => i.CreatedAt).ToListAsync());

    public static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public async ValueTask DisposeAsync() => await Outbox.DisposeAsync();

    [GeneratedRegex(@"http://localhost/invitation/[A-Za-z0-9._-]+")]
    private static partial Regex Link();
}
