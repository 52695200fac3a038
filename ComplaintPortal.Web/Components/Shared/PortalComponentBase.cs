using System.Security.Claims;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplaintPortal.Web.Components.Shared;

/// <summary>
/// Base for interactive pages. A circuit lives for hours, so a page never holds one DbContext for its
/// lifetime: each load or action runs in its own DI scope (<see cref="InScopeAsync{T}"/>), and the
/// signed-in user is read from the circuit's authentication state (which is revalidated), never from
/// an HttpContext (there is none after the first render).
/// </summary>
public abstract class PortalComponentBase : ComponentBase
{
    private readonly CircuitCulture circuitCulture = new();

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Set only while the page is prerendered on the first request (status codes can be set then).</summary>
    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    protected async Task<ClaimsPrincipal> PrincipalAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await AuthenticationState).User;

    /// <summary>The signed-in user as the workflow sees them (department from the account), or null.</summary>
    protected async Task<ActingUser?> ActingUserAsync(CancellationToken cancellationToken = default)
    {
        var principal = await PrincipalAsync();
        return await InScopeAsync(sp => sp.GetRequiredService<CaseUsers>().FindAsync(principal, cancellationToken));
    }

    /// <summary>Runs <paramref name="work"/> with services from a fresh scope (its own DbContext).</summary>
    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Draws the page as it stands (a progress bar, a disabled button) before slow work. SQLite's "async" reads complete
    /// synchronously, so a handler that sets a busy flag and then reads would finish its work before the flag was ever drawn.
    /// Blazor draws a handler's page by itself only at the handler's first pause: after a confirmation dialog that pause is
    /// long past, hence the explicit request to draw, then a pause for the drawing to go out.
    /// </summary>
    protected async Task DrawBeforeWorkAsync()
    {
        StateHasChanged();
        await Task.Yield();
    }

    /// <summary>
    /// Calls <paramref name="look"/> every <paramref name="interval"/> until <paramref name="cancellationToken"/> is cancelled
    /// (the page closed), for what no event of this instance announces (another instance's work, read from the database). A
    /// look that fails (a busy database) is left to the next tick.
    /// </summary>
    protected static async Task PollAsync(TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> look, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(look);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await look(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick looks again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the circuit for an event raised elsewhere (another person's save, a feed, a background
    /// service), in the language of the person looking at the page (<see cref="CircuitCulture"/>).
    /// </summary>
    protected Task InvokeForEventAsync(Func<Task> work) => InvokeAsync(circuitCulture.Around(work));

    protected Task InvokeForEventAsync(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return InvokeForEventAsync(() =>
        {
            work();
            return Task.CompletedTask;
        });
    }

    /// <summary>During prerender, answers the first request with this status (404, 403) as well as the page.</summary>
    protected void SetStatusCode(int statusCode)
    {
        if (HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = statusCode;
        }
    }
}
