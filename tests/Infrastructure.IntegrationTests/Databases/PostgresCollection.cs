using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Databases;

/// <summary>One throwaway PostgreSQL cluster serves every test in this assembly that joins the collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
