namespace ComplaintPortal.Domain.Sla;

/// <summary>Machine-readable reasons a holiday CSV row is rejected; callers localize them.</summary>
public enum HolidayCsvErrorCode
{
    /// <summary>The bytes are not valid UTF-8 (reported on line 0).</summary>
    InvalidEncoding,

    /// <summary>The file holds no data rows (reported on line 0).</summary>
    NoRows,

    MissingField,
    TooManyFields,
    UnterminatedQuote,
    InvalidDate,
    UnknownKind,
    DuplicateDate,

    /// <summary>The date is not in the year being imported.</summary>
    OutsideYear,

    /// <summary>The holiday's name is longer than <see cref="HolidayCsvParser.NameMaxLength"/>.</summary>
    NameTooLong,

    /// <summary>The holiday's name holds control characters, line breaks or broken text.</summary>
    NameNotPlainText,
}
