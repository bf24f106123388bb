using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>Filling in a questionnaire (Wellbeing Index or alliance survey) in Chromium, as a client would.</summary>
public sealed class SurveyFormSteps(ScenarioContext context)
{
    private IPage Page => context.Get<IPage>(nameof(IPage));

    [Given("^the screen is a phone (\\d+) pixels wide$")]
    public Task PhoneScreen(int width) => Page.SetViewportSizeAsync(width, 740);

    [When("^they open the Wellbeing Index from the dashboard$")]
    public async Task OpenWellbeingIndex()
    {
        await Page.GotoAsync("/dashboard");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Fill in the Wellbeing Index" }).ClickAsync();
        await Page.WaitForURLAsync("**/wellbeing");
    }

    [When("^they open the first pending session survey$")]
    public async Task OpenFirstPendingSurvey()
    {
        var link = Page.Locator("section[aria-labelledby=pending-heading] a").First;
        context.Set("survey", await link.GetAttributeAsync("href") ?? string.Empty);
        await link.ClickAsync();
        await Page.WaitForURLAsync("**/alliance/**");
    }

    [When("""^they choose "([^"]*)" for every statement$""")]
    public Task ChooseForEvery(string answer) => ChooseAsync(answer, leaveOut: 0);

    [When("""^they choose "([^"]*)" for every statement but the last$""")]
    public Task ChooseForAllButLast(string answer) => ChooseAsync(answer, leaveOut: 1);

    [When("^they send their answers$")]
    public async Task Send()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    [Then("^the form fits the screen$")]
    public async Task FitsTheScreen()
    {
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        await Chromium.SaveScreenshotAsync(Page, "wellbeing-form-360");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than the screen.");
    }

    [Then("^the score shown is (\\d+)$")]
    public async Task ScoreShown(int score)
    {
        Assert.Equal(score.ToString(System.Globalization.CultureInfo.InvariantCulture), await Page.Locator(".score .number").InnerTextAsync());
        await Chromium.SaveScreenshotAsync(Page, "wellbeing-result");
    }

    [Then("^(\\d+) answers are still chosen$")]
    public async Task AnswersStillChosen(int count) =>
        Assert.Equal(count, await Page.Locator("input[type=radio]:checked").CountAsync());

    [Then("""^the statement "([^"]*)" is marked as not answered$""")]
    public async Task MarkedNotAnswered(string statement)
    {
        var fieldset = Page.Locator("fieldset.item").Filter(new() { Has = Page.Locator("legend", new() { HasTextString = statement }) });
        Assert.Contains($"Please answer \"{statement}\".", await fieldset.Locator(".field-error").InnerTextAsync());
    }

    [Then("^the dashboard no longer offers that survey$")]
    public async Task SurveyGone()
    {
        await Page.GotoAsync("/dashboard");
        Assert.Equal(0, await Page.Locator($"a[href='{context.Get<string>("survey")}']").CountAsync());
    }

    private async Task ChooseAsync(string answer, int leaveOut)
    {
        var statements = Page.Locator("fieldset.item");
        var count = await statements.CountAsync();
        Assert.True(count > 0, "The page shows no statements.");
        for (var i = 0; i < count - leaveOut; i++)
        {
            await statements.Nth(i).GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }
    }
}
