using System.Globalization;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplaintPortal.Web.Features.Privacy;

/// <summary>The log page's filters: as typed on the page, as the export's query string, and as the domain's query (dates in the organisation's zone).</summary>
public sealed class PersonalDataLogFilter
{
    public string? Person { get; set; }

    public string? CaseNumber { get; set; }

    public PersonalDataViewKind? Kind { get; set; }

    public DateTime? From { get; set; }

    /// <summary>Inclusive: the whole day counts.</summary>
    public DateTime? To { get; set; }

    public PersonalDataViewQuery ToQuery(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new(Person, CaseNumber, Kind, From is { } from ? StartOf(from, zone) : null, To is { } to ? StartOf(to.AddDays(1), zone) : null);
    }

    /// <summary>"?person=...&amp;case=...&amp;kind=...&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd" (only what is set).</summary>
    public string ToQueryString()
    {
        var values = new Dictionary<string, string?>
        {
            ["person"] = Blank(Person),
            ["case"] = Blank(CaseNumber),
            ["kind"] = Kind?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("", values.Where(v => v.Value is not null));
    }

    public static PersonalDataLogFilter Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new PersonalDataLogFilter
        {
            Person = Blank(query["person"]),
            CaseNumber = Blank(query["case"]),
            Kind = Enum.TryParse<PersonalDataViewKind>(query["kind"], out var kind) && Enum.IsDefined(kind) ? kind : null,
            From = Date(query["from"]),
            To = Date(query["to"]),
        };
    }

    /// <summary>The filters as title-block lines of the export.</summary>
    public IEnumerable<(string Label, string Value)> Describe()
    {
        var all = PrivacyText.Kind_All;
        yield return (PrivacyText.Field_Person, Blank(Person) ?? all);
        yield return (PrivacyText.Field_Case, Blank(CaseNumber) ?? all);
        yield return (PrivacyText.Field_Kind, Kind is { } kind ? PrivacyLabels.Kind(kind) : all);
        yield return (PrivacyText.Filter_Period,
            $"{From?.ToString("d", CultureInfo.CurrentCulture) ?? "…"} – {To?.ToString("d", CultureInfo.CurrentCulture) ?? "…"}");
    }

    private static DateTimeOffset StartOf(DateTime day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime? Date(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>Words of the log in the reader's language.</summary>
public static class PrivacyLabels
{
    public static string Kind(PersonalDataViewKind kind) => kind switch
    {
        PersonalDataViewKind.CasePage => PrivacyText.Kind_CasePage,
        PersonalDataViewKind.Evidence => PrivacyText.Kind_Evidence,
        PersonalDataViewKind.Export => PrivacyText.Kind_Export,
        PersonalDataViewKind.Printed => PrivacyText.Kind_Printed,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
