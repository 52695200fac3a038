using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Features.Cases.EvidenceFiles;
using ComplaintPortal.Web.Resources;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>
/// The registration record (客戶投訴登記表). The domain's own validation (the same as the JSON API's) is
/// shown on the fields it is about; evidence files are staged as soon as they are picked, so they stay
/// through any number of corrections and are attached once the case exists.
/// </summary>
public partial class Intake
{
    private readonly Dictionary<string, string> fieldErrors = new(StringComparer.Ordinal);
    private readonly List<StagedEvidence> files = [];
    private readonly UnreadFields unread = new();
    private string? formError;
    private bool busy;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        // The form's "could not be read" goes once every field reads again (the fields' own marks are gone by then).
        unread.AllRead += () =>
        {
            if (formError == UiText.Validation_Unread)
            {
                formError = null;
                StateHasChanged();
            }
        };
    }

    private IntakeInput Input { get; } = new() { Key = Guid.NewGuid().ToString("N") };

    /// <summary>The typed phone's or e-mail's other cases (<see cref="CallerHistory"/>), looked up when either field is left.</summary>
    private CallerCases caller = CallerCases.None;
    private string? callerPhone;
    private string? callerEmail;

    private async Task LookUpCallerAsync()
    {
        var (phone, email) = (Input.Phone, Input.Email);
        var same = ContactForms.PhoneKey(phone) == ContactForms.PhoneKey(callerPhone) && ContactForms.EmailKey(email) == ContactForms.EmailKey(callerEmail);
        (callerPhone, callerEmail) = (phone, email);
        if (same)
        {
            return;
        }

        var principal = await PrincipalAsync();
        caller = await InScopeAsync(async sp => await sp.GetRequiredService<CaseUsers>().FindAsync(principal) is { } clerk
            ? await sp.GetRequiredService<CallerHistory>().ForContactAsync(phone, email, clerk)
            : CallerCases.None);
    }

    private bool Has(string field) => fieldErrors.ContainsKey(field);

    private string? ErrorOf(string field) => fieldErrors.GetValueOrDefault(field);

    private async Task RegisterAsync()
    {
        fieldErrors.Clear();
        formError = null;
        if (unread.Any)
        {
            formError = UiText.Validation_Unread;
            return;
        }

        var request = Input.ToRequest(Clock);
        var errors = ComplaintIntake.Validate(request, Clock.UtcNow);
        if (errors.Count > 0)
        {
            Show(errors);
            return;
        }

        busy = true;
        try
        {
            var principal = await PrincipalAsync();
            var (result, attachError) = await InScopeAsync(async sp =>
            {
                var clerk = await sp.GetRequiredService<CaseUsers>().FindAsync(principal);
                if (clerk is null)
                {
                    return (new IntakeResult(null, false, [new IntakeProblem(IntakeError.NotPermitted, "")]), WorkflowError.None);
                }

                var registered = await sp.GetRequiredService<ComplaintIntake>().RegisterAsync(request, clerk);
                return (registered, registered.Created ? await AttachAsync(sp.GetRequiredService<ComplaintWorkflow>(), registered.Complaint!, clerk) : WorkflowError.None);
            });
            if (!result.Succeeded)
            {
                Show(result.Errors);
                return;
            }

            var number = result.Complaint!.CaseNumber;
            Snackbar.Add(string.Format(CultureInfo.CurrentCulture, CaseText.Intake_Registered, number), MudBlazor.Severity.Success);
            if (attachError != WorkflowError.None)
            {
                Snackbar.Add(CaseLabels.Error(attachError), MudBlazor.Severity.Warning);
            }

            // A double submission lands here too (same key): it shows the case the first one created.
            Navigation.NavigateTo(CaseRoutes.Case(number));
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>Attaches the staged files to the new case, one workflow step each (each one a ledger line).</summary>
    private async Task<WorkflowError> AttachAsync(ComplaintWorkflow workflow, Complaint complaint, ActingUser clerk)
    {
        var version = complaint.Version;
        foreach (var file in files.ToList())
        {
            var attached = await workflow.ExecuteAsync(complaint.Id, version, WorkflowAction.AttachEvidence, new() { Evidence = file.ToNewEvidence() }, clerk);
            if (!attached.Succeeded)
            {
                return attached.Error;
            }

            files.Remove(file);
            version = attached.Complaint!.Version;
        }

        return WorkflowError.None;
    }

    /// <summary>The form field each of the domain's field names belongs to (the contact rule marks all three).</summary>
    private static readonly Dictionary<string, string[]> FormFields = new(StringComparer.Ordinal)
    {
        [ComplaintIntake.Fields.Name] = [nameof(IntakeInput.Name)],
        [ComplaintIntake.Fields.Complainant] = [nameof(IntakeInput.Phone), nameof(IntakeInput.Email), nameof(IntakeInput.Address)],
        [ComplaintIntake.Fields.Phone] = [nameof(IntakeInput.Phone)],
        [ComplaintIntake.Fields.Email] = [nameof(IntakeInput.Email)],
        [ComplaintIntake.Fields.Address] = [nameof(IntakeInput.Address)],
        [ComplaintIntake.Fields.CustomerGroup] = [nameof(IntakeInput.CustomerGroup)],
        [ComplaintIntake.Fields.ProductModel] = [nameof(IntakeInput.ProductModel)],
        [ComplaintIntake.Fields.Batch] = [nameof(IntakeInput.Batch)],
        [ComplaintIntake.Fields.OrderNumber] = [nameof(IntakeInput.OrderNumber)],
        [ComplaintIntake.Fields.Location] = [nameof(IntakeInput.Location)],
        [ComplaintIntake.Fields.Facility] = [nameof(IntakeInput.Facility)],
        [ComplaintIntake.Fields.PurchaseDate] = [nameof(IntakeInput.PurchaseDate)],
        [ComplaintIntake.Fields.Description] = [nameof(IntakeInput.Description)],
        [ComplaintIntake.Fields.CustomerRequest] = [nameof(IntakeInput.CustomerRequest)],
        [ComplaintIntake.Fields.Channel] = [nameof(IntakeInput.Channel)],
        [ComplaintIntake.Fields.ReceivedAt] = [nameof(IntakeInput.ReceivedAt)],
    };

    /// <summary>Each refusal on the field it is about; only what belongs to no field (permission) shows above the form.</summary>
    private void Show(IEnumerable<IntakeProblem> problems)
    {
        foreach (var problem in problems)
        {
            var text = CaseLabels.Error(problem);
            if (FormFields.TryGetValue(problem.Field, out var fields))
            {
                // One message on the first field; the others of a shared rule (phone, e-mail or address) are only marked.
                foreach (var field in fields)
                {
                    fieldErrors.TryAdd(field, field == fields[0] ? text : "");
                }
            }
            else
            {
                formError = text;
            }
        }
    }
}
