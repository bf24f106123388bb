using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Logging;

/// <summary>
/// Everything the app logs, from its start to the end of a client's journey (a WHO-5, sharing it, a refused change,
/// the professional reading the profile), with the app's own logging configuration: the operator's lines are there,
/// and none of them holds an e-mail address, a person's name or the score.
/// </summary>
public sealed class PersonalDataLoggingTests : LogCapturingTests
{
    [Fact]
    public async Task AClientJourney_LogsNoEmailNameOrScore()
    {
        var email = DemoHub.Client(21);
        var (memberId, hubId, name, professionalId, professionalName) = await App.QueryAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            var professional = await db.Professionals.SingleAsync(p => p.Email == DemoHub.FirstProfessional);
            return (member.Id, member.HubId, member.DisplayName, professional.Id, professional.DisplayName);
        });
        var client = await BrowserlessClient.SignedInAsync(App, email);
        var professional = await BrowserlessClient.SignedInAsync(App, DemoHub.FirstProfessional);

        var (hidden, items) = await client.OpenAsync("/wellbeing");
        var submitted = await client.PostFormAsync("/wellbeing", "/wellbeing", hidden.With(items, 5, 5, 5, 4, 4));
        var shared = await client.PostFormAsync("/sharing", "/sharing", Sharing(professionalId, "Wellbeing"));
        var refused = await client.PostFormAsync("/sharing", "/sharing", Sharing(professionalId, "Mood"));
        var (profileStatus, profile) = await professional.GetAsync($"/clients/{memberId}");

        // The e-mail outbox job handles a reminder for the client (withdrawn: the index was just filled in).
        await App.ChangeAsync(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(hubId, memberId, MessageKind.WellbeingReminder, DateOnly.FromDateTime(DateTime.UtcNow), null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
        }

        // (5 + 5 + 5 + 4 + 4) x 4: the WHO-5's percentage score, seen by the client and by the professional it is shared with.
        const string Score = "92";
        Assert.Contains(Score, await submitted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profileStatus);
        Assert.Contains(name, profile);

        var records = Logs.GetSnapshot();
        string[] personal = [email, DemoHub.FirstProfessional, name, professionalName, "@"];
        foreach (var record in records)
        {
            // The message and every value given to its template (a template may leave a value out of the message).
            var values = record.State is IEnumerable<KeyValuePair<string, object?>> state ? state.Select(p => p.Value?.ToString()) : [record.State?.ToString()];
            var text = string.Join(" ", [record.Message, .. values]);
            Assert.DoesNotContain(personal, p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
            Assert.False(Regex.IsMatch(text, $@"(?<![\w.-]){Score}(?![\w.-])"), $"{record.Category}: {text}");
            Assert.DoesNotContain("Password=", text, StringComparison.OrdinalIgnoreCase);
        }

        // What an operator needs is there all the same.
        Assert.Contains(records, r => r.Message.Contains("Serving with database provider Sqlite;", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.StartsWith("Demo data seeded", StringComparison.Ordinal) && r.Level == LogLevel.Warning);
        Assert.Contains(records, r => r.Message == "Refused POST sharing with 400" && r.Level == LogLevel.Information);
        Assert.Contains(records, r => r.Message.EndsWith($"e-mail is written as .eml files to the pickup folder {App.PickupFolder}", StringComparison.Ordinal));
        // The demo's own invitations go out in the same run, so only the withdrawal's count is this test's.
        Assert.Contains(records, r => Regex.IsMatch(r.Message, @"^E-mail outbox: \d+ sent, 1 withdrawn,"));
    }

    private static Dictionary<string, string> Sharing(Guid professionalId, string measure) => new()
    {
        ["professionalId"] = professionalId.ToString(),
        ["measure"] = measure,
        ["share"] = "true",
    };
}
