using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Reporting.Excel;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.Extensions.Primitives;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// What a person asked the search for, as its fields hold it (words, stage, channel, category, received dates in the
/// organisation's calendar) and as an address gives it (<c>?q=0042&amp;stage=InDepartments&amp;from=2026-11-01</c>), so that the
/// export link repeats the search shown. Anything unreadable in an address is left out, as an empty field would be.
/// </summary>
public sealed record SearchFilter(string? Text, CaseStage? Stage, ComplaintChannel? Channel, int? CategoryId, DateOnly? From, DateOnly? To)
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>No search: every case the viewer may open, newest first.</summary>
    public static readonly SearchFilter None = new(null, null, null, null, null, null);

    public static SearchFilter Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(Value(query["q"]), Value(query["stage"]), Value(query["channel"]), Value(query["category"]), Value(query["from"]), Value(query["to"]));
    }

    /// <summary>From the address's values one by one (the search page's query parameters).</summary>
    public static SearchFilter Read(string? text, string? stage, string? channel, string? category, string? from, string? to) => new(
        string.IsNullOrWhiteSpace(text) ? null : text,
        Enum.TryParse<CaseStage>(stage, out var s) && Enum.IsDefined(s) && !IsNumber(stage) ? s : null,
        Enum.TryParse<ComplaintChannel>(channel, out var c) && Enum.IsDefined(c) && !IsNumber(channel) ? c : null,
        int.TryParse(category, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        Date(from),
        Date(to));

    /// <summary>The address's query: only what was asked for.</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(new(name, value));
            }
        }

        Add("q", Text?.Trim());
        Add("stage", Stage?.ToString());
        Add("channel", Channel?.ToString());
        Add("category", CategoryId?.ToString(CultureInfo.InvariantCulture));
        Add("from", From?.ToString(DateFormat, CultureInfo.InvariantCulture));
        Add("to", To?.ToString(DateFormat, CultureInfo.InvariantCulture));
        return QueryString.Create(parts).ToString();
    }

    /// <summary>The search itself: a category with its sub-categories, the dates as the organisation's whole days.</summary>
    public CaseSearch ToCriteria(IReadOnlyList<Category> categories, OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(clock);
        return new()
        {
            Text = Text,
            Stage = Stage,
            Channel = Channel,
            CategoryIds = CategoryId is { } id ? [id, .. categories.Where(c => c.ParentId == id).Select(c => c.Id)] : [],
            ReceivedFrom = From is { } from ? WallClock.ToInstant(from.ToDateTime(TimeOnly.MinValue), clock) : null,
            ReceivedBefore = To is { } to ? WallClock.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), clock) : null,
        };
    }

    /// <summary>What was asked, one line a field, in the reader's words (an export's title block).</summary>
    public IReadOnlyList<ReportLine> Describe(IReadOnlyList<Category> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var lines = new List<ReportLine>();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            lines.Add(new(CaseText.Search_Label, Text.Trim()));
        }

        if (Stage is { } stage)
        {
            lines.Add(new(CaseText.Field_Stage, CaseLabels.Stage(stage)));
        }

        if (Channel is { } channel)
        {
            lines.Add(new(CaseText.Field_Channel, CaseLabels.Channel(channel)));
        }

        if (CategoryId is { } id && categories.FirstOrDefault(c => c.Id == id) is { } category)
        {
            lines.Add(new(CaseText.Field_Category, category.DisplayName(CultureInfo.CurrentUICulture)));
        }

        if (From is not null || To is not null)
        {
            var day = (DateOnly? d) => d?.ToString("d", CultureInfo.CurrentCulture) ?? "…";
            lines.Add(new(CaseText.Search_Received, day(From) + " – " + day(To)));
        }

        return lines;
    }

    private static string? Value(StringValues values) => values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    // "?stage=3" would parse as a stage: only names are read, as the page writes them.
    private static bool IsNumber(string? value) => value is { Length: > 0 } && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '+');

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
