using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>
/// The document the app serves passes @redocly/cli lint (the version pinned in package.json, installed by
/// <c>npm ci</c>) with the recommended rules, warnings included (redocly.yaml): what a partner's tooling reads is
/// checked as served, not as written.
/// </summary>
public sealed class OpenApiLintTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ServedDocument_PassesRedoclyLint_WithTheRecommendedRules()
    {
        var root = RepositoryRoot();
        var redocly = Path.Combine(root, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: run 'npm ci' in {root} (test.sh does).");
        var document = Path.Combine(app.Factory.DataDirectory, "openapi.json");
        // The document's server is the address it was asked at; the rules refuse localhost, as a partner would be given a real host.
        var http = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{WellbeingAppFactory.PartnerHost}") });
        await File.WriteAllTextAsync(document, await http.GetStringAsync("/openapi/v1.json"));

        var lint = new ProcessStartInfo(redocly)
        {
            ArgumentList = { "lint", document, "--config", Path.Combine(root, "redocly.yaml") },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
        using var process = Process.Start(lint)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"redocly lint exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }

    /// <summary>The folder with the solution file, above the test's build output.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Wellbeing.Clean.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Wellbeing.Clean.sln above {AppContext.BaseDirectory}.");
    }
}
