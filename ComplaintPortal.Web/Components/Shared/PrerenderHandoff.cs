using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace ComplaintPortal.Web.Components.Shared;

/// <summary>
/// What a page's prerender read, handed to the same page's circuit on the server, so the circuit does not read it again.
/// The page persists only the token (<c>[PersistentState]</c>): the persisted state travels back up in the circuit's first
/// message, which SignalR refuses over 32 KB, and a report's whole result did not fit (a month's statistics of 100,000 cases
/// came to 47 KB, and the page never became interactive). A value is taken once; one never taken (the circuit started on
/// another instance, or never started) is gone after <see cref="Kept"/>, and the circuit reads its own.
/// </summary>
public sealed class PrerenderHandoff(IMemoryCache cache)
{
    /// <summary>How long a value waits for its circuit: the page's scripts load and connect within seconds.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    /// <summary>Keeps <paramref name="value"/> for the circuit and returns its token, unguessable, for the page to persist.</summary>
    public string Keep<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        cache.Set(new Key(token), value, Kept);
        return token;
    }

    /// <summary>The value kept under <paramref name="token"/>, removed as it is taken; none when it is gone or of another type.</summary>
    public T? Take<T>(string? token)
        where T : class
    {
        if (token is null || !cache.TryGetValue(new Key(token), out var value))
        {
            return null;
        }

        cache.Remove(new Key(token));
        return value as T;
    }

    /// <summary>A key of its own type, so no other user of the shared cache meets it.</summary>
    private sealed record Key(string Token);
}
