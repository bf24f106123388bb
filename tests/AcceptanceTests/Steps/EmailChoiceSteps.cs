using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Messaging;
using Wellbeing.Testing;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>An e-mail's unsubscribe link and the choices on "My data", in Chromium as the client uses them.</summary>
public sealed class EmailChoiceSteps(ScenarioContext context, WellbeingAppFactory app)
{
    private const string LinkKey = "UnsubscribeLink";

    private IPage Page => context.Get<IPage>(nameof(IPage));

    /// <summary>The message the reminder job would have recorded, with the link its e-mail carries.</summary>
    [Given("""^"([^"]*)" has received a Wellbeing Index reminder$""")]
    public async Task HasReceivedAReminder(string email) =>
        context.Set(LinkKey, (await UnsubscribeLinks.IssueAsync(app, email, MessageKind.WellbeingReminder)).Path);

    [When("^they open the e-mail's unsubscribe link$")]
    public Task OpenUnsubscribeLink() => Page.GotoAsync(context.Get<string>(LinkKey));

    [When("""^they press the "([^"]*)" button$""")]
    public async Task Press(string button)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }
}
