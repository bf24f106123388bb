namespace Wellbeing.Infrastructure.IntegrationTests.Builders;

/// <summary>A fresh folder of definition files for one test, deleted afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wellbeing-instruments-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TemporaryFolder Write(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);
        return this;
    }

    public TemporaryFolder Write(string fileName, DefinitionFileBuilder definition) => Write(fileName, definition.Build());

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
