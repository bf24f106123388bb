using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Harness;

public sealed class WellbeingAppFactoryTests
{
    [Fact]
    public async Task NewFactory_RunsTestingEnvironment_OnItsOwnSqliteFile_WithDemoData()
    {
        await using var factory = new WellbeingAppFactory();

        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(WellbeingAppFactory.EnvironmentName, factory.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        Assert.Equal("Sqlite", configuration["Database:Provider"]);
        Assert.Equal($"Data Source={Path.Combine(factory.DataDirectory, "wellbeing.db")}", configuration.GetConnectionString("Wellbeing"));
        Assert.True(configuration.GetValue<bool>("DemoData:Enabled"));
    }

    [Fact]
    public async Task TwoFactories_DoNotShareADatabase()
    {
        await using var first = new WellbeingAppFactory();
        await using var second = new WellbeingAppFactory();

        Assert.NotEqual(first.ConnectionString, second.ConnectionString);
    }

    [Fact]
    public async Task Settings_ReachTheAppConfiguration()
    {
        await using var factory = new WellbeingAppFactory();
        factory.Settings["Feature:Probe"] = "on";
        await using var disabled = new WellbeingAppFactory { DemoDataEnabled = false };

        Assert.Equal("on", factory.Services.GetRequiredService<IConfiguration>()["Feature:Probe"]);
        Assert.False(disabled.Services.GetRequiredService<IConfiguration>().GetValue<bool>("DemoData:Enabled"));
    }

    [Fact]
    public async Task Dispose_DeletesTheTemporaryDirectory()
    {
        var factory = new WellbeingAppFactory();
        using (var client = factory.CreateClient())
        {
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
        }

        await factory.DisposeAsync();

        Assert.False(Directory.Exists(factory.DataDirectory));
    }

    [Fact]
    public async Task StartKestrel_ServesOnALoopbackPort()
    {
        await using var factory = new WellbeingAppFactory();

        var address = factory.StartKestrel();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
    }
}
