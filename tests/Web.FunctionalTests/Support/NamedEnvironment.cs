using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>A host environment of the given name, for checking a start-up rule without starting a host.</summary>
public sealed class NamedEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "Wellbeing.Web";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
