using System.Globalization;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>An item as an administrator edits it; no code: a new item (a code is made for it).</summary>
public sealed record ChecklistItemInput(string? Code, string TextZhHans, string? TextZhHant, string? TextEn);

/// <summary>
/// Checklist templates and their versions. Editing never changes a version: it publishes the next one, and
/// draws made earlier keep theirs. The default template (seed 000's 監督機制: process, records, result,
/// satisfaction) is added at start-up when missing.
/// </summary>
public sealed class ChecklistBook(PortalDbContext db, TimeProvider time)
{
    public const string DefaultTemplateCode = "SPOT-CHECK";

    public static IReadOnlyList<ChecklistItemInput> DefaultItems { get; } =
    [
        new("ProcessOnTime", "处理流程规范，并在期限内完成", "處理流程規範，並在期限內完成", "Process followed and completed on time"),
        new("RecordComplete", "登记记录完整、准确", "登記記錄完整、準確", "Registration record complete and accurate"),
        new("RootCauseCredible", "原因分析可信", "原因分析可信", "Root cause credible"),
        new("SolutionCarriedOut", "解决方案已落实", "解決方案已落實", "Solution carried out"),
        new("ReplyAppropriate", "回复客户得当", "回覆客戶得當", "Reply to the customer appropriate"),
        new("CallbackDone", "已回访", "已回訪", "Callback done"),
        new("CustomerSatisfied", "客户满意", "客戶滿意", "Customer satisfied"),
    ];

    internal static async Task SeedAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.ChecklistTemplates.AnyAsync(t => t.Code == DefaultTemplateCode, cancellationToken))
        {
            return;
        }

        var template = new ChecklistTemplate(DefaultTemplateCode, "客诉处理抽查表", "客訴處理抽查表", "Complaint handling spot-check list");
        template.Add(new ChecklistVersion(1, Items(DefaultItems), PortalDatabaseInitializer.SeededBy, now));
        db.ChecklistTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest version of a template (the default template when none is named), with its items.</summary>
    public static async Task<ChecklistVersion?> CurrentVersionAsync(PortalDbContext db, int? templateId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ChecklistVersions.AsNoTracking().Include(v => v.Items).Include(v => v.Template)
            .Where(v => templateId == null ? v.Template!.Code == DefaultTemplateCode : v.ChecklistTemplateId == templateId)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChecklistTemplate>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.ChecklistTemplates.AsNoTracking().Include(t => t.Versions).ThenInclude(v => v.Items).AsSplitQuery()
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);

    public async Task<ChecklistVersion?> VersionAsync(int versionId, CancellationToken cancellationToken = default) =>
        await db.ChecklistVersions.AsNoTracking().Include(v => v.Items).Include(v => v.Template)
            .FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken);

    /// <summary>Publishes the next version of a template, if nobody published one since <paramref name="expectedCurrentNumber"/>.</summary>
    public async Task<SupervisionResult<ChecklistVersion>> PublishAsync(int templateId, int expectedCurrentNumber, IReadOnlyList<ChecklistItemInput> items,
        ActingUser actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Committee.MayEditChecklists(actor))
        {
            return SupervisionResult<ChecklistVersion>.Fail(SupervisionError.NotPermitted);
        }

        var template = await db.ChecklistTemplates.Include(t => t.Versions).FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return SupervisionResult<ChecklistVersion>.Fail(SupervisionError.ChecklistNotFound);
        }

        if (Validate(items) is { } problem)
        {
            return SupervisionResult<ChecklistVersion>.Fail(problem);
        }

        var current = template.Versions.Count == 0 ? 0 : template.Versions.Max(v => v.Number);
        if (current != expectedCurrentNumber)
        {
            return SupervisionResult<ChecklistVersion>.Fail(SupervisionError.ConcurrencyConflict);
        }

        var now = time.GetUtcNow();
        var version = new ChecklistVersion(current + 1, Items(items), actor.Name, now);
        template.Add(version);
        SupervisionRecord.Log(db, now, actor, SupervisionAction.ChecklistVersionPublished, template.Id, string.Create(CultureInfo.InvariantCulture,
            $"template={template.Code}; version={version.Number}; items={string.Join(',', version.Items.Select(i => i.Code))}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
        {
            // The (template, number) key is unique: someone else published this number first.
            db.ChangeTracker.Clear();
            return SupervisionResult<ChecklistVersion>.Fail(SupervisionError.ConcurrencyConflict);
        }

        return SupervisionResult<ChecklistVersion>.Ok(version);
    }

    private static SupervisionError? Validate(IReadOnlyList<ChecklistItemInput> items)
    {
        if (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.TextZhHans)))
        {
            return SupervisionError.ItemsRequired;
        }

        var texts = items.SelectMany(i => new[] { i.TextZhHans, i.TextZhHant, i.TextEn });
        if (texts.Any(t => t?.Trim().Length > ChecklistItem.TextMaxLength) || items.Any(i => i.Code?.Trim().Length > ChecklistItem.CodeMaxLength))
        {
            return SupervisionError.TextTooLong;
        }

        return null;
    }

    /// <summary>Items in the given order; an item keeps its code, a new one gets the next free <c>ITEM-n</c>.</summary>
    private static List<ChecklistItem> Items(IReadOnlyList<ChecklistItemInput> inputs)
    {
        var taken = inputs.Where(i => !string.IsNullOrWhiteSpace(i.Code)).Select(i => i.Code!.Trim()).ToHashSet(StringComparer.Ordinal);
        var result = new List<ChecklistItem>();
        var next = 1;
        foreach (var input in inputs)
        {
            var code = input.Code?.Trim();
            if (string.IsNullOrEmpty(code) || result.Any(r => r.Code == code))
            {
                do
                {
                    code = string.Create(CultureInfo.InvariantCulture, $"ITEM-{next++}");
                }
                while (taken.Contains(code));

                taken.Add(code);
            }

            var zhHans = input.TextZhHans.Trim();
            result.Add(new ChecklistItem(result.Count + 1, code, zhHans, Blank(input.TextZhHant) ?? zhHans, Blank(input.TextEn) ?? zhHans));
        }

        return result;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
