using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests;

/// <summary>One Chromium process serves every test in the collection; each test opens its own context.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
