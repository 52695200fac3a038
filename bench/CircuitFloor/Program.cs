using CircuitFloor;
using CircuitFloor.Components;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddSingleton<Ticker>();
builder.Services.AddSingleton(new FloorRows(builder.Configuration.GetValue("Floor:Rows", 0)));
// Floor:InlineScheduling=true runs Kestrel's socket continuations on the I/O thread instead of handing them to the pool.
builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = builder.Configuration.GetValue("Floor:InlineScheduling", false));

var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
// Uncompressed, as the portal's circuits run by default (Circuits:CompressWebSockets=false).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
app.MapPost("/tick", (Ticker ticker) => Results.Ok(ticker.Publish()));
app.MapGet("/stats", (Ticker ticker) => Results.Ok(new { subscribers = ticker.Count, last = ticker.Last }));
app.Run();

namespace CircuitFloor
{
    /// <summary>How many keyed rows each page shows (0: the tick alone).</summary>
    public sealed record FloorRows(int Count);
}
