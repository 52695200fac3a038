using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Web.Components.Shared;

/// <summary>
/// Shared markup built once per key and handed to every circuit that shows the same (bench/README.md, memory per circuit).
/// Emptied when it holds <paramref name="limit"/> entries, so keys that rarely repeat (return paths, filters' query
/// strings, names) cannot grow it without bound.
/// </summary>
public sealed class MarkupMemo<TKey>(int limit)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, MarkupString> made = new();

    public MarkupString Get(TKey key, Func<TKey, MarkupString> build)
    {
        // A hit reads without a lock; Count takes every lock of the dictionary, so it is only asked on a miss (every open
        // board renders its shared markup on each change, on whichever threads are free; bench/README.md, CPU per change).
        if (made.TryGetValue(key, out var markup))
        {
            return markup;
        }

        if (made.Count >= limit)
        {
            made.Clear();
        }

        return made.GetOrAdd(key, build);
    }
}
