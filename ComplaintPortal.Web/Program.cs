using ComplaintPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddComplaintPortal();

var app = builder.Build();
await app.InitialisePortalDatabaseAsync();
app.UseComplaintPortal();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the real application.</summary>
public partial class Program;
