using System.Globalization;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// The readable case number, e.g. <c>KS-2026-000042</c>: prefix, year of registration, sequence within
/// the year. Sequences come from <see cref="CaseNumberCounter"/> so a number is never reused.
/// </summary>
public static class CaseNumber
{
    public const int MaxLength = 32;
    public const string DefaultPrefix = "KS";

    public static string Format(string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D6}");
}

/// <summary>One row per year: the last sequence handed out. Updated in the registering transaction.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter()
    {
    }

    public CaseNumberCounter(int year) => Year = year;

    public int Year { get; private set; }

    /// <summary>Also the concurrency token: two registrations racing for a number cannot both win.</summary>
    public int LastSequence { get; private set; }

    public int Next() => ++LastSequence;
}
