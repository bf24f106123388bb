using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Security;

namespace Wellbeing.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

        // htmx sends the token in this header (set once on <body>), so its requests pass the same check as forms.
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
        services.AddScoped<IUserClaimsPrincipalFactory<ApplicationUser>, HubClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/errors/403";
            options.Cookie.Name = "wellbeing.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Client, p => p.RequireRole(Roles.Client))
            .AddPolicy(Roles.Professional, p => p.RequireRole(Roles.Professional))
            .AddPolicy(Roles.HrManager, p => p.RequireRole(Roles.HrManager).RequireClaim(HubClaimsPrincipalFactory.HrHubClaim))
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));

        services.AddProblemDetails();
        services.AddExceptionHandler<ApplicationExceptionHandler>();
        services.AddHealthChecks().AddDbContextCheck<WellbeingDbContext>();
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/errors",
            StatusCodeSelector = ApplicationExceptionHandler.StatusFor,

            // A refusal thrown as an exception (not found, a broken rule) is expected: RefusalLogging writes its one
            // line, and only faults get the middleware's Error with a stack trace.
            SuppressDiagnosticsCallback = c => ApplicationExceptionHandler.StatusFor(c.Exception) < StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/errors/{0}");

        // Inside the friendly pages, so an API caller's bare 401, 403 or 404 gets problem details before a page could.
        app.UseWhen(ApplicationExceptionHandler.WantsProblemDetails, api => api.UseStatusCodePages());
        if (!app.Environment.IsDevelopment() && !app.Environment.IsTesting())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<RefusalLogging>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz");
        app.MapOpenApi();
        app.MapControllers();
        return app;
    }
}
