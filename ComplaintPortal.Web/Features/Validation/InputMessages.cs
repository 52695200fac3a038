using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Validation;

/// <summary>
/// Says in the reader's language which field the domain refused and why. Field names are the ones the
/// domain uses (the JSON API's paths, the case page's form fields, <c>Entity.Property</c> from the store).
/// </summary>
public static class InputMessages
{
    private static readonly Dictionary<string, Func<string>> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        [ComplaintIntake.Fields.ReceivedAt] = () => CaseText.Field_ReceivedAt,
        [ComplaintIntake.Fields.Channel] = () => CaseText.Field_Channel,
        [ComplaintIntake.Fields.Complainant] = () => CaseText.Field_Complainant,
        [ComplaintIntake.Fields.Name] = () => CaseText.Field_Name,
        [ComplaintIntake.Fields.Phone] = () => CaseText.Field_Phone,
        [ComplaintIntake.Fields.Email] = () => CaseText.Field_Email,
        [ComplaintIntake.Fields.Address] = () => CaseText.Field_Address,
        [ComplaintIntake.Fields.CustomerGroup] = () => CaseText.Field_CustomerGroup,
        [ComplaintIntake.Fields.ProductModel] = () => CaseText.Field_ProductModel,
        [ComplaintIntake.Fields.Batch] = () => CaseText.Field_Batch,
        [ComplaintIntake.Fields.OrderNumber] = () => CaseText.Field_OrderNumber,
        [ComplaintIntake.Fields.Location] = () => CaseText.Field_Location,
        [ComplaintIntake.Fields.Facility] = () => CaseText.Field_Facility,
        [ComplaintIntake.Fields.Description] = () => CaseText.Field_Description,
        [ComplaintIntake.Fields.CustomerRequest] = () => CaseText.Field_CustomerRequest,
        [ComplaintIntake.Fields.IdempotencyKey] = () => "Idempotency-Key",
        [ComplaintIntake.Fields.PurchaseDate] = () => CaseText.Field_PurchaseDate,
        ["confirmedWithCaller"] = () => CaseText.Field_Confirmed,
        [WorkflowInputRules.Fields.Note] = () => CaseText.Field_Note,
        [WorkflowInputRules.Fields.RootCause] = () => CaseText.Field_RootCause,
        [WorkflowInputRules.Fields.ResponsiblePerson] = () => CaseText.Field_ResponsiblePerson,
        [WorkflowInputRules.Fields.SolutionType] = () => CaseText.Field_SolutionType,
        [WorkflowInputRules.Fields.CauseCategory] = () => CaseText.Field_CauseCategory,
        [WorkflowInputRules.Fields.AssigneeUserId] = () => CaseText.Field_Assignee,
        [WorkflowInputRules.Fields.DuplicateOf] = () => CaseText.Field_DuplicateOf,
        [WorkflowInputRules.Fields.Severity] = () => CaseText.Field_Severity,
        [WorkflowInputRules.Fields.Urgency] = () => CaseText.Field_Urgency,
        [WorkflowInputRules.Fields.ReplyChannel] = () => CaseText.Field_ReplyChannel,
        [WorkflowInputRules.Fields.File] = () => CaseText.Field_File,
        ["action"] = () => CaseText.Field_Action,
        [Admin.CategoryAdministration.Fields.Code] = () => CaseText.Admin_Category_Code,
        [Admin.CategoryAdministration.Fields.NameZhHans] = () => CaseText.Admin_Category_NameZhHans,
        [Admin.CategoryAdministration.Fields.NameZhHant] = () => CaseText.Admin_Category_NameZhHant,
        [Admin.CategoryAdministration.Fields.NameEn] = () => CaseText.Admin_Category_NameEn,
        ["PortalUser.DisplayName"] = () => UiText.Admin_DisplayName,
        ["PortalUser.UserName"] = () => UiText.Admin_UserName,
        ["PortalUser.Email"] = () => UiText.Admin_Email,
    };

    /// <summary>The field's label in the current UI language; a field without one is "a field", never a code.</summary>
    public static string Label(string? field) =>
        field is not null && Labels.TryGetValue(field, out var label) ? label() : InputText.Input_SomeField;

    public static string Describe(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var label = Label(error.Field);
        return error.Problem switch
        {
            InputProblem.TooLong when error.MaxLength is { } max =>
                string.Format(CultureInfo.CurrentCulture, InputText.Input_TooLong, label, max.ToString("N0", CultureInfo.CurrentCulture)),
            InputProblem.TooLong => string.Format(CultureInfo.CurrentCulture, InputText.Input_TooLongNoLimit, label),
            InputProblem.ControlCharacters => string.Format(CultureInfo.CurrentCulture, InputText.Input_ControlCharacters, label),
            InputProblem.NotDefined => string.Format(CultureInfo.CurrentCulture, InputText.Input_NotDefined, label),
            InputProblem.None => label,
            _ => throw new ArgumentOutOfRangeException(nameof(error)),
        };
    }

    /// <summary>A value quoted back to the person: one clean line, cut to a readable length.</summary>
    public static string Printable(string? value) => TextRules.ToOneLine(value ?? "", 60);

    /// <summary>For the case page after a redirect: the field and problem come back in the query string.</summary>
    public static string? DescribeWorkflowRefusal(string? field, string? problem)
    {
        if (field is null || !Enum.TryParse<InputProblem>(problem, out var p) || !Enum.IsDefined(p))
        {
            return null;
        }

        return Describe(new FieldError(field, p, WorkflowInputRules.MaxLengthOf(field)));
    }
}
