using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Security;

/// <summary>The algorithm of the key ring's keys (<see cref="DataProtectionKeyRing.KeyAlgorithm"/>), for new rings and for rings made before it.</summary>
public sealed class DataProtectionKeyRingTests
{
    private const string Purpose = "DataProtectionKeyRingTests";

    [Fact]
    public async Task ANewRing_MakesAes256GcmKeys()
    {
        await using var app = new WellbeingAppFactory { DemoDataEnabled = false };
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        Assert.Equal("signed in", protector.Unprotect(protector.Protect("signed in")));
        Assert.All(app.Services.GetRequiredService<IKeyManager>().GetAllKeys(), key => Assert.Equal(EncryptionAlgorithm.AES_256_GCM, AlgorithmOf(key)));
    }

    [Fact]
    public async Task ARingMadeWithTheFormerDefault_StillOpensWhatItProtected_AndItsNextKeyIsAes256Gcm()
    {
        // ASP.NET Core's default, which the ring's keys had before: AES-256-CBC with HMACSHA256.
        await using var before = new WellbeingAppFactory
        {
            DemoDataEnabled = false,
            TestServices = services => services.AddDataProtection().UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration()),
        };
        var protectedBefore = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("signed in before");
        Assert.All(before.Services.GetRequiredService<IKeyManager>().GetAllKeys(), key => Assert.Equal(EncryptionAlgorithm.AES_256_CBC, AlgorithmOf(key)));

        await using var after = new WellbeingAppFactory { ConnectionString = before.ConnectionString, DemoDataEnabled = false };
        var protector = after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var next = after.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(90));

        Assert.Equal("signed in before", protector.Unprotect(protectedBefore));
        Assert.Equal(EncryptionAlgorithm.AES_256_GCM, AlgorithmOf(next));
    }

    // As the key ring stores it: <descriptor><encryption algorithm="AES_256_GCM" />...</descriptor>.
    private static EncryptionAlgorithm AlgorithmOf(IKey key) =>
        Enum.Parse<EncryptionAlgorithm>(key.Descriptor.ExportToXml().SerializedDescriptorElement.Element("encryption")!.Attribute("algorithm")!.Value);
}
