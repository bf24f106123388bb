using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wellbeing.Application.Common.Interfaces;

namespace Wellbeing.Infrastructure.Messaging;

public static class EmailDependencyInjection
{
    /// <summary>
    /// The e-mail delivery: the SMTP server when <c>Email:Smtp:Host</c> is set, else the pickup folder; the outbox's
    /// settings for the sending use case.
    /// </summary>
    /// <exception cref="InvalidOperationException">A missing or malformed <c>Email:*</c> setting (<see cref="EmailSettings.Read"/>).</exception>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = EmailSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Outbox);
        services.AddSingleton<MimeMessages>();

        // Resolved on first use because the content root is only known once the host has built its services.
        services.AddSingleton(provider => new PickupFolder(Path.GetFullPath(
            settings.PickupFolder, provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory)));
        if (settings.Smtp is { } smtp)
        {
            services.AddSingleton<IEmailSender>(provider => new SmtpEmailSender(smtp, provider.GetRequiredService<MimeMessages>()));
        }
        else
        {
            services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }

        return services;
    }
}
