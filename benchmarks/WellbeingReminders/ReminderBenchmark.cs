using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Messaging.Commands.RecordWellbeingReminders;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers;

namespace Wellbeing.Benchmarks.WellbeingReminders;

/// <summary>
/// One database's measurement. The hub (Europe/London, 14-day cadence) has <c>members</c> members with accounts,
/// enrolled 300 days before the clock; one in ten has never answered, the others answered once, member n at 10:00
/// n mod 28 days before the clock (so about half are due), with one in 20 deactivated. They are saved through the
/// context in batches, as the app would. Each repetition deletes the outbox, then times the floor (every member's
/// latest Wellbeing Index, ids and times only, the least any "who is due" must read), the job's use case recording
/// every due member's two messages, and the same use case again with nothing left to record.
/// </summary>
internal sealed class ReminderBenchmark(int memberCount, int repetitions)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 30, 0, TimeSpan.Zero);
    private const int Batch = 5_000;

    public async Task<string> RunAsync(string label, DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Wellbeing.Infrastructure.DependencyInjection.ProviderSetting] = provider.ToString(),
            [$"ConnectionStrings:{Wellbeing.Infrastructure.DependencyInjection.ConnectionStringName}"] = connectionString,
        }).Build();
        var collection = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration);
        collection.AddSingleton<TimeProvider>(new FixedClock(Now));
        await using var services = collection.BuildServiceProvider();
        await services.MigrateDatabaseAsync();

        var load = Stopwatch.StartNew();
        var hubId = await LoadAsync(services);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: loaded {memberCount:N0} members in {load.Elapsed.TotalSeconds:0.0} s"));

        var (floor, first, next) = (new List<TimeSpan>(), new List<TimeSpan>(), new List<TimeSpan>());
        var due = 0;
        for (var run = 1; run <= repetitions; run++)
        {
            await WithContextAsync(services, db => db.OutboxMessages.ExecuteDeleteAsync());
            floor.Add(await TimeAsync(() => WithContextAsync(services, db => db.Members.Where(m => m.HubId == hubId)
                .Select(m => new { m.Id, Latest = db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Wellbeing).Max(s => (DateTimeOffset?)s.SubmittedAt) })
                .ToListAsync())));
            first.Add(await TimeAsync(() => RecordAsync(services)));
            due = await WithContextAsync(services, db => db.OutboxMessages.CountAsync(m => m.Kind == MessageKind.WellbeingReminder));
            next.Add(await TimeAsync(() => RecordAsync(services)));
            var total = await WithContextAsync(services, db => db.OutboxMessages.CountAsync());
            if (total != 2 * due)
            {
                throw new InvalidOperationException($"{label}: {total} messages for {due} due members.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label} run {run}: bare read {floor[^1].TotalSeconds:0.000} s, first run {first[^1].TotalSeconds:0.000} s ({first[^1] / floor[^1]:0.0}x), next run {next[^1].TotalSeconds:0.000} s ({next[^1] / floor[^1]:0.0}x), {due:N0} due"));
        }

        var (f, a, b) = (Median(floor), Median(first), Median(next));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {due:N0} | {f.TotalSeconds:0.000} s | {a.TotalSeconds:0.000} s | {a / f:0.0}x | {b.TotalSeconds:0.000} s | {b / f:0.0}x |");
    }

    private async Task<Guid> LoadAsync(IServiceProvider services)
    {
        var hub = new Hub("Benchmark", "Benchmark employer", "benchmark", "Europe/London", Now.AddYears(-1));
        await WithContextAsync(services, db =>
        {
            db.Hubs.Add(hub);
            return db.SaveChangesAsync();
        });
        var survey = services.GetRequiredService<ISurveyCatalogue>().Current(Measure.Wellbeing);
        var answers = survey.Items.ToDictionary(i => i.Id, _ => (int?)2);
        for (var start = 0; start < memberCount; start += Batch)
        {
            await WithContextAsync(services, db =>
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var n = start; n < Math.Min(start + Batch, memberCount); n++)
                {
                    var member = new Member(hub.Id, $"Person {n}", $"person{n}@benchmark.test", Now.AddDays(-300));
                    member.LinkAccount($"user-{n}");
                    if (n % 20 == 7)
                    {
                        member.Deactivate(Now.AddDays(-30));
                    }

                    db.Members.Add(member);
                    if (n % 10 != 3)
                    {
                        db.Submissions.Add(Submission.ForWellbeing(hub.Id, member.Id, survey, answers, Now.AddDays(-(n % 28)).AddMinutes(-30)));
                    }
                }

                return db.SaveChangesAsync();
            });
        }

        return hub.Id;
    }

    private static async Task RecordAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RecordWellbeingRemindersHandler>().Handle(new RecordWellbeingRemindersCommand(), CancellationToken.None);
    }

    private static async Task<T> WithContextAsync<T>(IServiceProvider services, Func<WellbeingDbContext, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
