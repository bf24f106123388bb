using System.Reflection;
using System.Reflection.Emit;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Persistence.ReadModels;

namespace Wellbeing.Architecture.Tests;

/// <summary>
/// The cached clients lists stay right only because every save that changes a list raises its hub's version in the
/// context's save (<see cref="ClientListVersions"/>, docs/decisions/0010), and the shared scores only because that save
/// derives them. A write that bypasses the change tracker would do neither, so the application's compiled code is read
/// for such calls: bulk updates and deletes of the tables a list is read from (and of the grants and submissions its
/// scores come from), and raw SQL (through EF Core or straight on ADO.NET), allowed only where it is named below.
/// </summary>
public sealed class ClientListWriteRules
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Wellbeing.Domain.Hubs.Hub).Assembly,
        typeof(Wellbeing.Application.DependencyInjection).Assembly,
        typeof(Wellbeing.Infrastructure.Persistence.WellbeingDbContext).Assembly,
        typeof(Wellbeing.Web.DependencyInjection).Assembly,
    ];

    private static readonly HashSet<string> BulkWrites = ["ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync"];

    private static readonly HashSet<string> RawSql =
    [
        "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
        "SqlQuery", "SqlQueryRaw", "FromSql", "FromSqlRaw", "FromSqlInterpolated",
    ];

    /// <summary>Where raw SQL may run, and why none of it writes a list's rows.</summary>
    private static readonly Dictionary<string, string> RawSqlAllowed = new()
    {
        ["Wellbeing.Infrastructure.Persistence.DatabaseLock"] = "takes and releases an application lock",
        ["Wellbeing.Infrastructure.Statistics.EfPeriodSource"] = "sets PostgreSQL's work_mem for its read",
        ["Wellbeing.Infrastructure.Persistence.Providers.SqlServer.SqlServerWellbeingDbContext"] = "takes the audit log's lock",
        ["Wellbeing.Infrastructure.Persistence.Providers.Postgres.PostgresWellbeingDbContext"] = "takes the audit log's lock",
        ["Wellbeing.Infrastructure.Persistence.Providers.Sqlite.SqlitePragmaInterceptor"] = "sets a SQLite connection's journal mode and busy timeout",
        ["Wellbeing.Infrastructure.Persistence.ReadModels.ClientListVersionReader"] = "reads the versions with EF Core's own SELECT, prepared",
        ["Wellbeing.Infrastructure.Messaging.EfOutboxWriter"] = "inserts outbox messages, no table a list is read from",
    };

    /// <summary>The one bulk write allowed on them: the version raise itself.</summary>
    private const string VersionRaiser = "Wellbeing.Infrastructure.Persistence.ReadModels.ClientListVersions";

    private static readonly HashSet<Type> Guarded = [.. ClientListVersions.ListedTypes, typeof(ShareGrant), typeof(Submission), typeof(ClientListVersion)];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void Application_FindsTheCallsItChecks()
    {
        // Guards the rules below against reading nothing: the known raw SQL and the version raise must be found.
        var calls = Calls().ToList();
        Assert.Contains(calls, c => c.Owner == "Wellbeing.Infrastructure.Persistence.DatabaseLock" && IsRawSql(c.Called));
        Assert.Contains(calls, c => c.Owner == "Wellbeing.Infrastructure.Persistence.ReadModels.ClientListVersionReader" && IsRawSql(c.Called));
        Assert.Contains(calls, c => c.Owner == VersionRaiser && BulkWrites.Contains(c.Called.Name));
    }

    [Fact]
    public void BulkWrites_OfWhatAListShows_AreOnlyTheVersionRaise()
    {
        var offending = Calls()
            .Where(c => BulkWrites.Contains(c.Called.Name) && c.Called.IsGenericMethod && Guarded.Contains(c.Called.GetGenericArguments()[0]))
            .Where(c => !(c.Owner == VersionRaiser && c.Called.GetGenericArguments()[0] == typeof(ClientListVersion)))
            .Select(c => $"{c.Owner} calls {c.Called.Name}<{c.Called.GetGenericArguments()[0].Name}>")
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, "Bulk writes bypass the clients list versions and the shared scores; save through the context: " + string.Join("; ", offending));
    }

    [Fact]
    public void RawSql_RunsOnlyWhereAllowed()
    {
        var offending = Calls()
            .Where(c => IsRawSql(c.Called) && !RawSqlAllowed.ContainsKey(c.Owner))
            .Select(c => $"{c.Owner} calls {c.Called.Name}")
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, "Raw SQL could change a clients list without raising its version; add it to the allow-list only if it writes none of its tables: " + string.Join("; ", offending));
    }

    /// <summary>EF Core's raw SQL, or a command's text set on ADO.NET directly (a command EF Core never sees).</summary>
    private static bool IsRawSql(MethodBase called) =>
        RawSql.Contains(called.Name)
        || (called.Name == "set_CommandText" && typeof(System.Data.IDbCommand).IsAssignableFrom(called.DeclaringType));

    /// <summary>Every method called from the assemblies' code, with the outermost type it is written in (lambdas and async state machines are nested types).</summary>
    private static IEnumerable<(string Owner, MethodBase Called)> Calls()
    {
        const BindingFlags everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            var owner = type;
            while (owner.DeclaringType is not null)
            {
                owner = owner.DeclaringType;
            }

            foreach (var method in type.GetMethods(everything).Cast<MethodBase>().Concat(type.GetConstructors(everything)))
            {
                foreach (var called in CalledBy(method))
                {
                    yield return (owner.FullName!, called);
                }
            }
        }
    }

    /// <summary>Walks the method's IL opcode by opcode (ECMA-335 III) and resolves each method operand.</summary>
    private static IEnumerable<MethodBase> CalledBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var opCode = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                yield return method.Module.ResolveMethod(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
            }

            at += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }
}
