using ComplaintPortal.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// What the search page asks for. <see cref="Text"/> is split at spaces and every word must match: a
/// word matches part of a case number ("0042", "2026-00"), four digits also the end of the
/// complainant's phone, seven or more digits the phone however it was typed (<see cref="ContactForms.PhoneKey"/>), and
/// an address with @ the e-mail however it was cased, any word the whole phone, or part of the name (a given name, 小明, finds 王小明),
/// the description, product model, location or facility. Filters narrow further; none of this widens what
/// the viewer may see (<see cref="CaseAccess.VisibleTo"/> applies first).
/// </summary>
public sealed record CaseSearch
{
    public string? Text { get; init; }

    public CaseStage? Stage { get; init; }

    public ComplaintChannel? Channel { get; init; }

    /// <summary>The category or any of its sub-categories.</summary>
    public IReadOnlyList<int> CategoryIds { get; init; } = [];

    /// <summary>Received at or after this instant.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Received before this instant.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Stage is null && Channel is null && CategoryIds.Count == 0
        && ReceivedFrom is null && ReceivedBefore is null;

    /// <summary>The fewest digits a word has to be matched as a whole phone number (a local number without its area code).</summary>
    public const int PhoneWordDigits = 7;

    public static IReadOnlyList<string> Words(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8).ToList();

    /// <param name="cases">The cases the viewer may see.</param>
    /// <param name="index">
    /// The full-text index, where the database has one: a word of three characters or more unless it is common
    /// (<see cref="ComplaintTextIndex.IsCommon"/>), or of two once the index has prepared it
    /// (<see cref="ComplaintTextIndex.PrepareAsync"/>), first narrows the cases to those the index finds it in (or
    /// whose phone or e-mail key it is), and the word's own test below then decides as without it, so the index changes how
    /// fast, never what, a search finds.
    /// </param>
    public IQueryable<Complaint> Apply(IQueryable<Complaint> cases, ComplaintTextIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var word in Words(Text))
        {
            var part = "%" + EscapeLike(word) + "%";
            var indexed = index is not null && word.EnumerateRunes().Count() >= ComplaintTextIndex.MinLength && !index.IsCommon(word);
            if (word.Length == 4 && word.All(char.IsAsciiDigit))
            {
                if (indexed)
                {
                    var holding = index!.Holding(word, "CaseNumber ComplainantPhone");
                    cases = cases.Where(c => holding.Contains(c.Id));
                }

                cases = cases.Where(c => EF.Functions.Like(c.CaseNumber, part, Escape)
                    || (c.Complainant.Phone != null && c.Complainant.Phone.EndsWith(word)));
                continue;
            }

            // A phone however it was typed: 13800138000 finds "138 0013 8000" and "+86 138-0013-8000".
            var phoneKey = word.Length >= PhoneWordDigits && word.All(char.IsDigit) ? ContactForms.PhoneKey(word) : null;
            // An e-mail address however it was cased: Wang.Fang@Example.com finds wang.fang@example.com.
            var emailKey = ContactForms.EmailKey(word);
            // The candidates: the index's (which holds the whole phone too), and the phone's or address's own key.
            if ((indexed ? index!.Holding(word) : index?.HoldingPair(word)) is { } candidates)
            {
                cases = phoneKey is not null ? cases.Where(c => candidates.Contains(c.Id) || c.PhoneKey == phoneKey)
                    : emailKey is not null ? cases.Where(c => candidates.Contains(c.Id) || c.EmailKey == emailKey)
                    : cases.Where(c => candidates.Contains(c.Id));
            }

            cases = cases.Where(c => EF.Functions.Like(c.CaseNumber, part, Escape)
                || c.Complainant.Phone == word
                || (phoneKey != null && c.PhoneKey == phoneKey)
                || (emailKey != null && c.EmailKey == emailKey)
                || EF.Functions.Like(c.Complainant.Name, part, Escape)
                || EF.Functions.Like(c.Description, part, Escape)
                || (c.Subject.ProductModel != null && EF.Functions.Like(c.Subject.ProductModel, part, Escape))
                || (c.Subject.Location != null && EF.Functions.Like(c.Subject.Location, part, Escape))
                || (c.Subject.Facility != null && EF.Functions.Like(c.Subject.Facility, part, Escape)));
        }

        if (Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }

        if (Channel is { } channel)
        {
            cases = cases.Where(c => c.Channel == channel);
        }

        if (CategoryIds.Count > 0)
        {
            var ids = CategoryIds.ToList();
            cases = cases.Where(c => c.CategoryId != null && ids.Contains(c.CategoryId.Value));
        }

        if (ReceivedFrom is { } from)
        {
            cases = cases.Where(c => c.ReceivedAt >= from);
        }

        if (ReceivedBefore is { } before)
        {
            cases = cases.Where(c => c.ReceivedAt < before);
        }

        return cases;
    }

    private const string Escape = "\\";

    private static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
