using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Wellbeing.Domain.Common;

namespace Wellbeing.Benchmarks.PeriodPublication;

/// <summary>
/// Writes the benchmark hub's members, submissions and responder summaries straight into the tables, bypassing EF:
/// saving 2.6 million submissions through the context would take hours. Only the columns publication reads, and the
/// required ones, are filled: no answer rows, no sessions behind the alliance ratings.
/// </summary>
internal static class BulkLoad
{
    private const string WellbeingSurvey = "who-5";
    private const string AllianceSurvey = "professional-alliance";

    /// <summary>
    /// Prepared inserts in one transaction, in the stored forms of the SQLite context: ids as upper-case TEXT, times as
    /// UTC ticks (UtcTicksDateTimeOffsetConverter), decimals as REAL (DecimalToDoubleConverter).
    /// </summary>
    public static async Task SqliteAsync(string connectionString, BenchmarkHub data, Guid hubId, IReadOnlyList<Guid> professionals)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var member = Prepared(connection, transaction,
            """INSERT INTO "Members" ("Id","HubId","DisplayName","Email","Department","EnrolledAt","WellbeingEmailsOff","AllianceEmailsOff") VALUES ($1,$2,$3,$4,$5,$6,0,0)""", 6);
        await using var submission = Prepared(connection, transaction,
            """INSERT INTO "Submissions" ("Id","HubId","MemberId","SurveyKey","SurveyVersion","Measure","SubmittedAt","RawScore","Score","ProfessionalId") VALUES ($1,$2,$3,$4,1,$5,$6,$7,$8,$9)""", 9);
        await using var summary = Prepared(connection, transaction,
            """INSERT INTO "ResponderSummaries" ("MemberId","HubId","FirstAt","FirstScore","Version") VALUES ($1,$2,$3,$4,$5)""", 5);

        var hub = Text(hubId);
        foreach (var m in data.Members())
        {
            var memberId = Text(m.Id);
            await ExecuteAsync(member, memberId, hub, $"Person {m.Number}", $"person{m.Number}@benchmark.test", (object?)m.Department ?? DBNull.Value, BenchmarkHub.CreatedAt.UtcTicks);
            foreach (var s in BenchmarkHub.WellbeingSubmissions(m))
            {
                await ExecuteAsync(submission, Text(s.Id), hub, memberId, WellbeingSurvey, (int)Measure.Wellbeing, s.At.UtcTicks, (double)s.Raw, (double)s.Score, DBNull.Value);
            }

            var professional = Text(professionals[BenchmarkHub.ProfessionalOf(m)]);
            foreach (var s in BenchmarkHub.AllianceSubmissions(m))
            {
                await ExecuteAsync(submission, Text(s.Id), hub, memberId, AllianceSurvey, (int)Measure.Alliance, s.At.UtcTicks, (double)s.Raw, (double)s.Score, professional);
            }

            var r = BenchmarkHub.SummaryOf(m, hubId);
            await ExecuteAsync(summary, memberId, hub, r.FirstAt.UtcTicks, (double)r.FirstScore, r.Version);
        }

        await transaction.CommitAsync();
    }

    /// <summary>Binary COPY per table, then VACUUM ANALYZE: statistics and a visibility map, as after autovacuum has been by.</summary>
    public static async Task PostgresAsync(string connectionString, BenchmarkHub data, Guid hubId, IReadOnlyList<Guid> professionals)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var members = data.Members().ToList();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Members" ("Id","HubId","DisplayName","Email","Department","EnrolledAt","WellbeingEmailsOff","AllianceEmailsOff") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var m in members)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(m.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(hubId, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"Person {m.Number}");
                await writer.WriteAsync($"person{m.Number}@benchmark.test");
                await (m.Department is null ? writer.WriteNullAsync() : writer.WriteAsync(m.Department));
                await writer.WriteAsync(BenchmarkHub.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(false);
                await writer.WriteAsync(false);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Submissions" ("Id","HubId","MemberId","SurveyKey","SurveyVersion","Measure","SubmittedAt","RawScore","Score","ProfessionalId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var m in members)
            {
                foreach (var s in BenchmarkHub.WellbeingSubmissions(m))
                {
                    await WriteSubmissionAsync(writer, s, hubId, m.Id, WellbeingSurvey, Measure.Wellbeing, professional: null);
                }

                foreach (var s in BenchmarkHub.AllianceSubmissions(m))
                {
                    await WriteSubmissionAsync(writer, s, hubId, m.Id, AllianceSurvey, Measure.Alliance, professionals[BenchmarkHub.ProfessionalOf(m)]);
                }
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "ResponderSummaries" ("MemberId","HubId","FirstAt","FirstScore","Version") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var m in members)
            {
                var r = BenchmarkHub.SummaryOf(m, hubId);
                await writer.StartRowAsync();
                await writer.WriteAsync(m.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(hubId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(r.FirstAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(r.FirstScore, NpgsqlDbType.Numeric);
                await writer.WriteAsync(r.Version);
            }

            await writer.CompleteAsync();
        }

        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await vacuum.ExecuteNonQueryAsync();
    }

    private static async Task WriteSubmissionAsync(NpgsqlBinaryImporter writer, BenchmarkSubmission s, Guid hubId, Guid memberId, string survey, Measure measure, Guid? professional)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(s.Id, NpgsqlDbType.Uuid);
        await writer.WriteAsync(hubId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(memberId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(survey);
        await writer.WriteAsync(1);
        await writer.WriteAsync((int)measure);
        await writer.WriteAsync(s.At.UtcDateTime, NpgsqlDbType.TimestampTz);
        await writer.WriteAsync(s.Raw, NpgsqlDbType.Numeric);
        await writer.WriteAsync(s.Score, NpgsqlDbType.Numeric);
        await (professional is { } id ? writer.WriteAsync(id, NpgsqlDbType.Uuid) : writer.WriteNullAsync());
    }

    /// <summary>How the SQLite provider stores a Guid.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        command.Prepare();
        return command;
    }

    private static async Task ExecuteAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }
}
