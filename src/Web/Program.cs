using Wellbeing.Application;
using Wellbeing.Infrastructure;
using Wellbeing.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWeb();

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync(seedDemoData: app.Configuration.GetValue<bool>("DemoData:Enabled"));
app.UseWeb();
app.Run();

public partial class Program;
