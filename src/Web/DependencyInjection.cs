using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wellbeing.Application.Auditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Wellbeing.Domain.Accounts;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Forms;
using Wellbeing.Web.PartnerApi;
using Wellbeing.Web.Security;

namespace Wellbeing.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        BrowserSecurity.RequireConfiguredHosts(configuration, environment);
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<IAuditActor, RequestAuditActor>());
        services.AddDataProtectionKeyRing(DataProtectionKeys.Certificate(configuration, environment), DataProtectionKeys.PreviousCertificate(configuration));
        services.AddTrustedProxies(configuration);
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

                // Every page, fragment and download of this app is about someone (a score, an answer, an export, an HR
                // figure) or is a form: none may be kept by a browser or proxy cache. Static files are served before MVC
                // and stay cacheable.
                options.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None });
                SingleValueBinderProvider.Install(options);
            })
            .AddViewOptions(options =>
                // The checkbox tag helper's hidden "false" twin would make every ticked box arrive twice under one name;
                // without it an unticked box sends nothing, which binds to false all the same.
                options.HtmlHelperOptions.CheckBoxHiddenInputRenderMode = CheckBoxHiddenInputRenderMode.None);

        // Plain http is only served by the embedded default and the tests; everywhere else cookies travel over HTTPS only.
        var cookieSecurity = environment.IsDevelopment() || environment.IsTesting() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        // htmx sends the token in this header (set once on <body>), so its requests pass the same check as forms.
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.SecurePolicy = cookieSecurity;
        });
        services.AddScoped<IUserClaimsPrincipalFactory<ApplicationUser>, HubClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/errors/403";
            options.Cookie.Name = "wellbeing.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.ExpireTimeSpan = AccountSignIn.SessionLifetime;
            options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });
        SignInThrottle.AddSignInThrottle(services, configuration);
        services.AddSecurityHeaderPolicies().SetDefaultPolicy(BrowserSecurity.Headers());
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeadersFirst>());
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Client, p => p.RequireRole(Roles.Client))
            .AddPolicy(Roles.Professional, p => p.RequireRole(Roles.Professional))
            .AddPolicy(Roles.HrManager, p => p.RequireRole(Roles.HrManager).RequireClaim(HubClaimsPrincipalFactory.HrHubClaim))
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator));

        services.AddProblemDetails();
        services.AddExceptionHandler<ApplicationExceptionHandler>();
        services.AddHealthChecks().AddDbContextCheck<WellbeingDbContext>();
        if (environment.IsTesting())
        {
            // A query or migration fault EF Core only logs elsewhere fails the test that meets it.
            services.ThrowOnEfFaults();
        }

        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        // The security headers come before this, from SecurityHeadersFirst, so that every response gets them: error
        // pages, static files, the API, refusals and a forged Host's 400 alike.
        app.UseTrustedProxies();
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
            app.UseHttpsOnly();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<RefusalLogging>();
        app.UseTokenEndpointThrottle();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks(HttpsOnly.HealthPath);
        app.MapOpenApi();
        app.MapControllers();
        app.MapJobsDashboard();
        return app;
    }
}
