using Wellbeing.Application;
using Wellbeing.Infrastructure;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Messaging;
using Wellbeing.Web;
using Wellbeing.Web.PartnerApi;

var builder = WebApplication.CreateBuilder(args);
if (MigrateCommand.IsAskedFor(args))
{
    return await MigrateCommand.RunAsync(builder);
}

if (VerifyAuditCommand.IsAskedFor(args))
{
    return await VerifyAuditCommand.RunAsync(builder, Console.Out);
}

if (CreateAdminCommand.IsAskedFor(args))
{
    return await CreateAdminCommand.RunAsync(builder, args);
}

DatabaseSettings.RequireExplicitOutsideDevelopment(builder.Configuration, builder.Environment);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWeb(builder.Configuration, builder.Environment);
builder.Services.AddPartnerApi(builder.Configuration, builder.Environment);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddBackgroundJobs(builder.Configuration);

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync();
if (app.Configuration.GetValue<bool>("DemoData:Enabled"))
{
    await app.Services.SeedDemoDataAsync();
}

app.UseWeb();
await app.RunAsync();
return 0;

public partial class Program;
