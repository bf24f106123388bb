using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Logging;

/// <summary>A fresh app for each test whose log, from its start on, is captured with the app's own logging configuration.</summary>
public abstract class LogCapturingTests : IDisposable
{
    protected LogCapturingTests()
    {
        var provider = new FakeLoggerProvider(Logs);
        App = new WellbeingAppFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(provider) };
    }

    protected FakeLogCollector Logs { get; } = new();

    protected WellbeingAppFactory App { get; }

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
