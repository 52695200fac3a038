namespace ComplaintPortal.Web.Components.Controls;

/// <summary>
/// A plain table's order: the column clicked last and its direction. Clicking a column sorts by it ascending, clicking it
/// again turns it round. The tables whose rows the page already holds (a period's figures) sort in the circuit.
/// </summary>
public readonly record struct TableSort<TColumn>(TColumn Column, bool Descending)
    where TColumn : struct, Enum
{
    public TableSort<TColumn> Toggled(TColumn column) =>
        EqualityComparer<TColumn>.Default.Equals(column, Column) ? this with { Descending = !Descending } : new(column, false);

    /// <summary>
    /// Rows in this order by a key that may be missing (a rate with nothing to divide by): the missing ones last either way,
    /// ties kept in the order given.
    /// </summary>
    public IEnumerable<T> Apply<T, TKey>(IEnumerable<T> rows, Func<T, TKey?> key)
        where TKey : struct, IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(key);
        var known = rows.OrderBy(r => key(r) is null);
        return Descending ? known.ThenByDescending(r => key(r) ?? default) : known.ThenBy(r => key(r) ?? default);
    }

    /// <summary>Rows in this order by a text, compared as the reader's language sorts it.</summary>
    public IEnumerable<T> Apply<T>(IEnumerable<T> rows, Func<T, string> key)
    {
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        return Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
    }
}
