using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Validation;

/// <summary>
/// The hostile-input corpus at the domain's doors behind the interactive forms (a Blazor form is not an HTTP
/// post, so the corpus goes to the services the forms call): every text of a workflow step, the evidence
/// that a step attaches, and the holiday CSV import. Never an exception; either the value is kept whole or
/// the refusal names the field; a refused step changes nothing.
/// </summary>
public sealed class HostileDoorTests : CaseDatabaseTest
{
    private static readonly (string Field, Func<string, WorkflowInput> Input)[] StepFields =
    [
        (WorkflowInputRules.Fields.Note, v => new() { Note = v }),
        (WorkflowInputRules.Fields.RootCause, v => new() { Note = "撤诉", RootCause = v }),
        (WorkflowInputRules.Fields.ResponsiblePerson, v => new() { Note = "撤诉", ResponsiblePerson = v }),
        (WorkflowInputRules.Fields.SolutionType, v => new() { Note = "撤诉", SolutionTypeCode = v }),
        (WorkflowInputRules.Fields.AssigneeUserId, v => new() { Note = "撤诉", AssigneeUserId = v }),
        (WorkflowInputRules.Fields.DuplicateOf, v => new() { Note = "撤诉", DuplicateOfCaseNumber = v }),
        (WorkflowInputRules.Fields.File, v => new() { Note = "撤诉", Evidence = new(v, "image/jpeg", 10, new string('a', 32), new string('b', 64)) }),
    ];

    [Fact]
    public async Task Every_step_text_is_kept_whole_or_refused_by_name_and_a_refusal_changes_nothing()
    {
        var failures = new List<string>();
        var complaint = await Driver.RegisterAsync();
        foreach (var (field, input) in StepFields)
        {
            foreach (var (name, value) in HostileCorpus.Texts)
            {
                var before = await StateAsync(complaint.Id);
                WorkflowResult result;
                try
                {
                    result = await Driver.TryAsync(complaint.Id, WorkflowAction.Withdraw, input(value), Driver.Clerk);
                }
                catch (Exception ex)
                {
                    failures.Add($"{field} = {name}: {ex.GetType().Name} {ex.Message}");
                    continue;
                }

                if (result.Succeeded)
                {
                    if (field == WorkflowInputRules.Fields.Note && !(await LastNoteAsync(complaint.Id)).Contains(value.Trim(), StringComparison.Ordinal))
                    {
                        failures.Add($"{field} = {name}: the ledger does not hold the note whole");
                    }

                    complaint = await Driver.RegisterAsync();
                    continue;
                }

                if (result.Error == WorkflowError.InputRefused && result.Refused?.Field != field)
                {
                    failures.Add($"{field} = {name}: refused naming {result.Refused?.Field}");
                }

                if (await StateAsync(complaint.Id) != before)
                {
                    failures.Add($"{field} = {name}: {result.Error} but the case changed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public static TheoryData<string, string, long, string, string> ForgedEvidence() => new()
    {
        { "served as a web page", "photo.jpg", 10, "text/html", Hex(32) },
        { "type not matching its name", "report.pdf", 10, "image/png", Hex(32) },
        { "a name the policy refuses", "setup.exe", 10, "application/octet-stream", Hex(32) },
        { "stored outside the store", "photo.jpg", 10, "image/jpeg", "../../../../etc/passwd" },
        { "empty", "photo.jpg", 0, "image/jpeg", Hex(32) },
        { "over the size limit", "photo.jpg", EvidencePolicy.MaxSizeBytes + 1, "image/jpeg", Hex(32) },
    };

    /// <summary>Evidence reaches the step from the staging code; a forged description of it is still refused at the door.</summary>
    [Theory]
    [MemberData(nameof(ForgedEvidence))]
    public async Task Evidence_the_store_did_not_vouch_for_is_refused_naming_the_file(string why, string fileName, long size, string contentType, string storedName)
    {
        var complaint = await Driver.RegisterAsync();
        var before = await StateAsync(complaint.Id);

        var result = await Driver.TryAsync(complaint.Id, WorkflowAction.AttachEvidence,
            new() { Evidence = new(fileName, contentType, size, storedName, Hex(64)) }, Driver.Clerk);

        Assert.True(result.Error == WorkflowError.InputRefused, why);
        Assert.Equal(WorkflowInputRules.Fields.File, result.Refused?.Field);
        Assert.Equal(before, await StateAsync(complaint.Id));
    }

    [Fact]
    public void Holiday_import_reports_every_corpus_value_in_every_column_as_a_row_error_or_keeps_it_whole()
    {
        var failures = new List<string>();
        foreach (var (name, value) in HostileCorpus.Texts)
        {
            var quoted = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            string[] files = [$"2026-05-01,off,{quoted}", $"{quoted},off,劳动节", $"2026-05-01,{quoted},劳动节", $"日期,类型,名称\n{quoted}"];
            foreach (var file in files)
            {
                HolidayCsvImport import;
                try
                {
                    import = HolidayCsvParser.Parse(file, 2026);
                }
                catch (Exception ex)
                {
                    failures.Add($"{name}: {ex.GetType().Name}");
                    continue;
                }

                if (import.Succeeded)
                {
                    var day = Assert.Single(import.SpecialDays);
                    if (!TextRulesAccept(day.Name))
                    {
                        failures.Add($"{name}: kept a name no screen or export can hold");
                    }
                }
                else if (import.Errors.Any(e => e.Text.Length > 200 || e.LineNumber < 0))
                {
                    failures.Add($"{name}: an error that echoes the whole row");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Holiday_import_of_bytes_that_are_not_utf8_names_the_encoding()
    {
        byte[] file = [.. "2026-05-01,off,"u8, 0xC3, 0x28, 0xFF];

        var import = HolidayCsvParser.Parse(file, 2026);

        Assert.Equal(HolidayCsvErrorCode.InvalidEncoding, Assert.Single(import.Errors).Code);
        Assert.Empty(import.SpecialDays);
    }

    [Fact]
    public void Holiday_name_with_control_characters_or_over_the_limit_is_refused_on_its_line()
    {
        var import = HolidayCsvParser.Parse("2026-05-01,off,劳动\u0007节\n2026-05-02,off," + new string('长', 101) + "\n2026-05-03,off,劳动节", 2026);

        Assert.Equal([(1, HolidayCsvErrorCode.NameNotPlainText), (2, HolidayCsvErrorCode.NameTooLong)],
            import.Errors.Select(e => (e.LineNumber, e.Code)));
        Assert.Empty(import.SpecialDays);
    }

    private static bool TextRulesAccept(string name) =>
        name.Length <= HolidayCsvParser.NameMaxLength && ComplaintPortal.Domain.Validation.TextRules.IsClean(name, ComplaintPortal.Domain.Validation.TextShape.SingleLine);

    private static string Hex(int length) => new('a', length);

    private async Task<(int Version, int Events, CaseStage Stage, int Evidence)> StateAsync(int id)
    {
        await using var db = Database.CreateContext();
        var c = await db.Complaints.AsNoTracking().Include(x => x.Evidence).SingleAsync(x => x.Id == id);
        return (c.Version, await db.LedgerEvents.CountAsync(e => e.ComplaintId == id), c.Stage, c.Evidence.Count);
    }

    private async Task<string> LastNoteAsync(int id)
    {
        await using var db = Database.CreateContext();
        var notes = await db.LedgerEvents.AsNoTracking().Where(e => e.ComplaintId == id).OrderByDescending(e => e.Sequence).Select(e => e.Note).Take(3).ToListAsync();
        return string.Join("\n", notes.Select(n => n ?? ""));
    }
}
