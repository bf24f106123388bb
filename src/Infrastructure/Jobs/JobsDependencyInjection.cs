using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wellbeing.Application.Administration.MemberImports;
using Wellbeing.Application.Statistics.Commands.RequestPublication;
using Wellbeing.Infrastructure.Messaging;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers;

namespace Wellbeing.Infrastructure.Jobs;

public static class JobsDependencyInjection
{
    /// <summary>How often the server looks for due recurring jobs; tests shorten it.</summary>
    public const string PollingIntervalSetting = "Jobs:PollingIntervalSeconds";

    /// <summary>
    /// Hangfire keeps its queue next to the application's data on SQL Server and PostgreSQL, and in memory on the
    /// embedded SQLite setup, where a lost queue only means waiting for the next hourly run (member imports, which have
    /// no such run, are queued again at start-up by <see cref="MemberImportResumption"/>). The storage follows the
    /// <see cref="DatabaseSettings"/> that <see cref="DependencyInjection.AddInfrastructure"/> registers.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHangfire((container, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            var database = container.GetRequiredService<DatabaseSettings>();
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString);
                    break;
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(database.ConnectionString));
                    break;
                case DatabaseProvider.Sqlite:
                    config.UseInMemoryStorage();
                    break;
            }
        });
        services.AddHangfireServer(options =>
        {
            // A few short jobs, run one after another: more workers would mostly wait on the publication's lock.
            options.WorkerCount = 1;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(configuration.GetValue(PollingIntervalSetting, 15));
        });
        services.AddScoped<PublicationJob>();
        services.AddScoped<TokenPruningJob>();
        services.AddScoped<WellbeingReminderJob>();
        services.AddScoped<OutboxJob>();
        services.AddScoped<IBackgroundJobs, HangfireBackgroundJobs>();
        services.AddScoped<MemberImportJob>();
        services.AddScoped<IMemberImportJobs, HangfireMemberImportJobs>();
        services.AddHostedService<MemberImportResumption>();
        services.AddHostedService(container => new RecurringJobsRegistration(
            container.GetRequiredService<IRecurringJobManager>(),
            container.GetRequiredService<EmailSettings>(),
            configuration.GetValue(WellbeingReminderJob.CronSetting, Cron.Hourly())!,
            configuration.GetValue(WellbeingReminderJob.RunAtStartupSetting, true)));
        services.AddHostedService<StartupReport>();
        return services;
    }

    /// <summary>Registers the recurring jobs under stable ids at start-up, so a restart updates rather than duplicates them.</summary>
    private sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs, EmailSettings email, string reminderCron, bool remindAtStartup) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // The hourly snapshot refresh that period publication replaced: persistent storage (SQL Server, PostgreSQL)
            // would otherwise keep firing a job whose type no longer exists.
            recurringJobs.RemoveIfExists("aggregate-refresh");
            recurringJobs.AddOrUpdate<PublicationJob>(PublicationJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
            recurringJobs.AddOrUpdate<TokenPruningJob>(TokenPruningJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily());
            recurringJobs.AddOrUpdate<WellbeingReminderJob>(
                WellbeingReminderJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), reminderCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            if (remindAtStartup)
            {
                recurringJobs.Trigger(WellbeingReminderJob.RecurringJobId);
            }

            recurringJobs.AddOrUpdate<OutboxJob>(OutboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), email.Schedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
