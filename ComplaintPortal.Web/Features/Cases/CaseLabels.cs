using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Validation;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Localized names of the case vocabulary; keys are <c>{Kind}_{EnumName}</c> in <see cref="CaseText"/>.</summary>
public static class CaseLabels
{
    public static string Stage(CaseStage value) => Text("Stage_", value.ToString());

    public static string Stage(string? stored) => stored is null ? "" : Text("Stage_", stored);

    public static string Action(WorkflowAction value) => Text("Action_", value.ToString());

    public static string Action(string stored) => Text("Action_", stored);

    public static string Channel(ComplaintChannel value) => Text("Channel_", value.ToString());

    public static string Severity(Severity? value) => value is null ? "" : Text("Severity_", value.Value.ToString());

    public static string Urgency(Urgency? value) => value is null ? "" : Text("Urgency_", value.Value.ToString());

    public static string Priority(Priority value) => Text("Priority_", value.ToString());

    public static string TaskStatus(DepartmentTaskStatus value) => Text("TaskStatus_", value.ToString());

    public static string ReplyChannel(ReplyChannel value) => Text("ReplyChannel_", value.ToString());

    public static string LedgerBreak(LedgerBreak value) =>
        LedgerText.ResourceManager.GetString("LedgerBreak_" + value, CultureInfo.CurrentUICulture) ?? Text("LedgerBreak_", value.ToString());

    public static string Notification(Domain.Notifications.NotificationKind value) => Text("Notification_", value.ToString());

    /// <summary>The message for a refused action; the concurrency conflict shares the portal-wide wording.</summary>
    public static string Error(WorkflowError error) => error switch
    {
        WorkflowError.ConcurrencyConflict => UiText.Common_ConcurrencyConflict,
        WorkflowError.InputRefused => InputText.Problem_Title,
        _ when !Enum.IsDefined(error) => InputText.Problem_Title,
        _ => Text("Error_", error.ToString()),
    };

    /// <summary>A refused action, naming the refused field when there is one.</summary>
    public static string Error(WorkflowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Refused is { } refused ? InputMessages.Describe(refused) : Error(result.Error);
    }

    public static string Error(IntakeError error) => Text("IntakeError_", error.ToString());

    /// <summary>A refused registration, naming the field for values refused at the door.</summary>
    public static string Error(IntakeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Error switch
        {
            IntakeError.TooLong => InputMessages.Describe(new FieldError(problem.Field, InputProblem.TooLong, problem.MaxLength)),
            IntakeError.ControlCharacters => InputMessages.Describe(new FieldError(problem.Field, InputProblem.ControlCharacters)),
            _ => Error(problem.Error),
        };
    }

    public static string Verification(LedgerVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsIntact
            ? string.Format(CultureInfo.CurrentCulture, Localization.Counted.Pick(result.EventCount, CaseText.Ledger_Intact_One, CaseText.Ledger_Intact), result.EventCount)
            : string.Format(CultureInfo.CurrentCulture, CaseText.Ledger_Broken, result.BrokenSequence, LedgerBreak(result.Break));
    }

    private static string Text(string prefix, string name) =>
        CaseText.ResourceManager.GetString(prefix + name, CultureInfo.CurrentUICulture) ?? name;
}
