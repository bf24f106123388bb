using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests;

// Every scenario in features/**/*.feature runs here as its own test case. To add steps:
//
//   1. Add a public top-level class (one per domain concept, e.g. Steps/SurveySteps.cs) with public methods
//      marked [Given("...")], [When("...")] or [Then("...")]. Patterns are regexes anchored to the whole
//      step text; each capture becomes a parameter (string, int, decimal, double, bool, enum, ...), quoted
//      values are captured with "([^"]*)", and a data table arrives as a last StepTable parameter.
//      Methods may return Task.
//   2. Ask for what the class needs in its constructor: ScenarioContext (values shared by the step classes
//      of one scenario), other step classes, Chromium, or any class with a public constructor such as
//      WellbeingAppFactory. Each is created once per scenario and disposed when the scenario ends.
//
//   public sealed class MemberSteps(ScenarioContext context, WellbeingAppFactory app, Chromium chromium)
//   {
//       [Given("""^"([^"]*)" is signed in$""")]
//       public async Task SignedIn(string email)
//       {
//           var browser = await chromium.NewContextAsync(app.StartKestrel());
//           var page = await browser.NewPageAsync();
//           await page.SignInAsync(email, DemoHub.Password);
//           context.Set("page", page);
//       }
//   }
[Collection(BrowserCollection.Name)]
public sealed class FeatureScenarios(Chromium chromium)
{
    private static readonly Lazy<ScenarioRunner> Runner =
        new(() => new ScenarioRunner(StepCatalog.FromAssembly(typeof(FeatureScenarios).Assembly)));

    [Scenarios]
    public Task Scenario(ScenarioCase scenario) => Runner.Value.RunAsync(scenario.Load(), chromium);
}
