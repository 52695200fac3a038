using System.Globalization;
using System.Text;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// Reads a year's special days from CSV lines <c>date,kind,name</c>: date as <c>yyyy-MM-dd</c>, kind
/// <c>off</c>/<c>休</c> (day off) or <c>work</c>/<c>班</c> (make-up working day), name required. An optional
/// header line starts with <c>date</c> or <c>日期</c>; blank lines are skipped; a field in double quotes may
/// hold commas and doubled quotes but not line breaks. Bad rows never throw: they come back as errors.
/// </summary>
public static class HolidayCsvParser
{
    /// <summary>The longest holiday name kept (as long as a calendar's name).</summary>
    public const int NameMaxLength = WorkingCalendarRecord.NameMaxLength;

    /// <summary>How much of a refused row is quoted back in its error.</summary>
    public const int EchoMaxLength = 80;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses UTF-8 bytes, with or without a byte-order mark.</summary>
    public static HolidayCsvImport Parse(ReadOnlySpan<byte> utf8, int? expectedYear = null)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return Rejected([new HolidayCsvRowError(0, HolidayCsvErrorCode.InvalidEncoding, string.Empty)]);
        }

        return Parse(text, expectedYear);
    }

    /// <param name="expectedYear">When given, every date must fall in this year.</param>
    public static HolidayCsvImport Parse(string text, int? expectedYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new Dictionary<DateOnly, SpecialDay>();
        var errors = new List<HolidayCsvRowError>();
        var fields = new List<string>(3);
        bool firstRow = true;
        int lineNumber = 0;
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            bool closed = TrySplit(line, fields);
            if (firstRow && IsHeader(fields))
            {
                firstRow = false;
                continue;
            }

            firstRow = false;
            if (!closed)
            {
                errors.Add(new HolidayCsvRowError(lineNumber, HolidayCsvErrorCode.UnterminatedQuote, Echo(line)));
            }
            else if (ReadRow(line, fields, expectedYear, days, out var day) is { } rejected)
            {
                errors.Add(new HolidayCsvRowError(lineNumber, rejected.Code, Echo(rejected.Text)));
            }
            else
            {
                days.Add(day!.Date, day);
            }
        }

        if (errors.Count == 0 && days.Count == 0)
        {
            errors.Add(new HolidayCsvRowError(0, HolidayCsvErrorCode.NoRows, string.Empty));
        }

        return errors.Count > 0
            ? Rejected(errors)
            : new HolidayCsvImport([.. days.Values.OrderBy(d => d.Date)], []);
    }

    /// <summary>The refused text as an error quotes it: one clean line, cut short.</summary>
    private static string Echo(string text) => Validation.TextRules.ToOneLine(text, EchoMaxLength);

    private static HolidayCsvImport Rejected(IReadOnlyList<HolidayCsvRowError> errors) => new([], errors);

    private static bool IsHeader(List<string> fields) =>
        fields.Count > 0 && (fields[0].Equals("date", StringComparison.OrdinalIgnoreCase) || fields[0] == "日期");

    private static (HolidayCsvErrorCode Code, string Text)? ReadRow(
        string line,
        List<string> fields, int? expectedYear, Dictionary<DateOnly, SpecialDay> seen, out SpecialDay? day)
    {
        day = null;
        if (fields.Count > 3)
        {
            return (HolidayCsvErrorCode.TooManyFields, line);
        }

        if (fields.Count < 3 || fields.Any(string.IsNullOrEmpty))
        {
            return (HolidayCsvErrorCode.MissingField, line);
        }

        if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (HolidayCsvErrorCode.InvalidDate, fields[0]);
        }

        if (expectedYear is { } year && date.Year != year)
        {
            return (HolidayCsvErrorCode.OutsideYear, fields[0]);
        }

        if (seen.ContainsKey(date))
        {
            return (HolidayCsvErrorCode.DuplicateDate, fields[0]);
        }

        SpecialDayKind? kind = fields[1].ToUpperInvariant() switch
        {
            "OFF" or "休" => SpecialDayKind.DayOff,
            "WORK" or "班" => SpecialDayKind.WorkingDay,
            _ => null,
        };
        if (kind is null)
        {
            return (HolidayCsvErrorCode.UnknownKind, fields[1]);
        }

        switch (Validation.TextRules.Check(fields[2], NameMaxLength, Validation.TextShape.SingleLine))
        {
            case Validation.InputProblem.TooLong:
                return (HolidayCsvErrorCode.NameTooLong, fields[2]);
            case Validation.InputProblem.ControlCharacters:
                return (HolidayCsvErrorCode.NameNotPlainText, fields[2]);
        }

        day = new SpecialDay(date, kind.Value, fields[2]);
        return null;
    }

    /// <summary>Splits one line into trimmed fields; false when a quoted field is never closed.</summary>
    private static bool TrySplit(string line, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && IsBlank(field))
            {
                // A quote opens a quoted field only at its start; elsewhere it is an ordinary character.
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return !quoted;
    }

    private static bool IsBlank(StringBuilder field)
    {
        foreach (var chunk in field.GetChunks())
        {
            if (!chunk.Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}
