namespace ComplaintPortal.Domain.Reporting.Excel;

/// <summary>What a column holds, and so how its cells are typed and formatted.</summary>
public enum ReportValueKind
{
    /// <summary>Text, always written as text: never a formula, never parsed into a number or date.</summary>
    Text = 0,

    /// <summary>A whole number, e.g. a count ("#,##0").</summary>
    Integer = 1,

    /// <summary>A number with a fixed count of decimals.</summary>
    Decimal = 2,

    /// <summary>A percentage given in points (87.5 means 87.5 %), stored as the fraction Excel expects.</summary>
    Percent = 3,

    /// <summary>An instant, shown as a date and time in the organisation's time zone.</summary>
    DateTime = 4,

    /// <summary>An elapsed time, shown as hours and minutes ("[h]:mm"), e.g. 53:20.</summary>
    Duration = 5,
}

/// <summary>
/// One column of a report sheet: its header in the reader's language, its kind, and how to read a row's
/// value. Build one with the typed factories (<see cref="Text"/>, <see cref="Integer"/>, ...), which keep the
/// value's type and the column's kind together.
/// </summary>
public sealed class ReportColumn<TRow>
{
    private readonly Func<TRow, object?> value;

    private ReportColumn(string header, ReportValueKind kind, Func<TRow, object?> value, int decimals = 0)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        Kind = kind;
        this.value = value;
        Decimals = decimals;
    }

    public string Header { get; }

    public ReportValueKind Kind { get; }

    /// <summary>Decimals shown for <see cref="ReportValueKind.Decimal"/> and <see cref="ReportValueKind.Percent"/>.</summary>
    public int Decimals { get; }

    public static ReportColumn<TRow> Text(string header, Func<TRow, string?> value) =>
        Of(header, ReportValueKind.Text, value);

    public static ReportColumn<TRow> Integer(string header, Func<TRow, long?> value) =>
        Of(header, ReportValueKind.Integer, value);

    public static ReportColumn<TRow> Decimal(string header, Func<TRow, decimal?> value, int decimals = 2) =>
        Of(header, ReportValueKind.Decimal, value, CheckedDecimals(decimals));

    /// <param name="value">Percentage points: 87.5 means 87.5 %.</param>
    public static ReportColumn<TRow> Percent(string header, Func<TRow, decimal?> value, int decimals = 1) =>
        Of(header, ReportValueKind.Percent, value, CheckedDecimals(decimals));

    /// <summary>An instant (stored in UTC), written as a date-time in the organisation's time zone.</summary>
    public static ReportColumn<TRow> DateTime(string header, Func<TRow, DateTimeOffset?> value) =>
        Of(header, ReportValueKind.DateTime, value);

    /// <summary>
    /// An elapsed time. Excel shows a negative time as "####", so give signed amounts (time left,
    /// time overdue) as a <see cref="Decimal"/> of hours instead.
    /// </summary>
    public static ReportColumn<TRow> Duration(string header, Func<TRow, TimeSpan?> value) =>
        Of(header, ReportValueKind.Duration, value);

    internal object? ValueOf(TRow row) => value(row);

    private static ReportColumn<TRow> Of<TValue>(string header, ReportValueKind kind, Func<TRow, TValue> value, int decimals = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, kind, row => value(row), decimals);
    }

    private static int CheckedDecimals(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        return decimals;
    }
}
