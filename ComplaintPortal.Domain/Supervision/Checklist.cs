using System.Globalization;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// A spot-check form (檢查表). Its items live in numbered versions: an administrator's edit publishes a new
/// version, and a draw keeps the version it was made with, so a checked case always shows the items it was
/// checked against. Names are organisation data in three languages, like department names.
/// </summary>
public sealed class ChecklistTemplate
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    private readonly List<ChecklistVersion> versions = [];

    private ChecklistTemplate()
    {
    }

    public ChecklistTemplate(string code, string nameZhHans, string nameZhHant, string nameEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameZhHans);
        Code = code;
        NameZhHans = nameZhHans;
        NameZhHant = nameZhHant;
        NameEn = nameEn;
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string NameZhHans { get; private set; } = "";

    public string NameZhHant { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public IReadOnlyList<ChecklistVersion> Versions => versions;

    public string DisplayName(CultureInfo culture) => Department.DisplayNameFor(culture, NameZhHans, NameZhHant, NameEn);

    internal void Add(ChecklistVersion version) => versions.Add(version);
}

/// <summary>One published, unchangeable set of items of a template.</summary>
public sealed class ChecklistVersion
{
    private readonly List<ChecklistItem> items = [];

    private ChecklistVersion()
    {
    }

    internal ChecklistVersion(int number, IEnumerable<ChecklistItem> items, string publishedByName, DateTimeOffset publishedAt)
    {
        Number = number;
        this.items.AddRange(items);
        PublishedByName = publishedByName;
        PublishedAt = publishedAt;
    }

    public int Id { get; private set; }

    public int ChecklistTemplateId { get; private set; }

    public ChecklistTemplate? Template { get; private set; }

    /// <summary>1, 2, 3… within the template; the highest is the current one.</summary>
    public int Number { get; private set; }

    public string PublishedByName { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public IReadOnlyList<ChecklistItem> Items => items;
}

/// <summary>One question of a checklist version; <see cref="Code"/> stays the same when the wording is edited.</summary>
public sealed class ChecklistItem
{
    public const int CodeMaxLength = 32;
    public const int TextMaxLength = 300;

    private ChecklistItem()
    {
    }

    public ChecklistItem(int position, string code, string textZhHans, string textZhHant, string textEn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(textZhHans);
        Position = position;
        Code = code;
        TextZhHans = textZhHans;
        TextZhHant = textZhHant;
        TextEn = textEn;
    }

    public int Id { get; private set; }

    public int ChecklistVersionId { get; private set; }

    public int Position { get; private set; }

    public string Code { get; private set; } = "";

    public string TextZhHans { get; private set; } = "";

    public string TextZhHant { get; private set; } = "";

    public string TextEn { get; private set; } = "";

    public string DisplayText(CultureInfo culture) => Department.DisplayNameFor(culture, TextZhHans, TextZhHant, TextEn);
}
