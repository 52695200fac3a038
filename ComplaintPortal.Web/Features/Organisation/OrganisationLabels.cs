using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>Words for the organisation's enums and errors (never their names).</summary>
public static class OrganisationLabels
{
    public static string Kind(DepartmentKind kind) => kind switch
    {
        DepartmentKind.CustomerService => OrganisationText.Kind_CustomerService,
        DepartmentKind.Operational => OrganisationText.Kind_Operational,
        DepartmentKind.Leadership => OrganisationText.Kind_Leadership,
        DepartmentKind.Oversight => OrganisationText.Kind_Oversight,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Subject(OrganisationSubject subject) => subject switch
    {
        OrganisationSubject.Department => OrganisationText.Subject_Department,
        OrganisationSubject.Team => OrganisationText.Subject_Team,
        OrganisationSubject.Membership => OrganisationText.Subject_Membership,
        OrganisationSubject.RoutingRule => OrganisationText.Subject_RoutingRule,
        OrganisationSubject.MessageTemplate => OrganisationText.Subject_MessageTemplate,
        OrganisationSubject.Starter => OrganisationText.Subject_Starter,
        OrganisationSubject.Configuration => OrganisationText.Subject_Configuration,
        OrganisationSubject.SolutionType => OrganisationText.Subject_SolutionType,
        OrganisationSubject.CauseCategory => OrganisationText.Subject_CauseCategory,
        _ => throw new ArgumentOutOfRangeException(nameof(subject)),
    };

    public static string Error(OrganisationError error) => error switch
    {
        OrganisationError.None => "",
        OrganisationError.NotFound => OrganisationText.Error_NotFound,
        OrganisationError.CodeTaken => OrganisationText.Error_CodeTaken,
        OrganisationError.InvalidInput => OrganisationText.Error_InvalidInput,
        OrganisationError.UnknownParent => OrganisationText.Error_UnknownParent,
        OrganisationError.ParentCycle => OrganisationText.Error_ParentCycle,
        OrganisationError.UnknownCalendar => OrganisationText.Error_UnknownCalendar,
        OrganisationError.UnknownHead => OrganisationText.Error_UnknownHead,
        OrganisationError.HasWork => OrganisationText.Error_HasWork,
        OrganisationError.UnknownDepartment => OrganisationText.Error_UnknownDepartment,
        OrganisationError.DepartmentReceivesNoWork => OrganisationText.Error_DepartmentReceivesNoWork,
        OrganisationError.UnknownCategory => OrganisationText.Error_UnknownCategory,
        OrganisationError.ConcurrencyConflict => OrganisationText.Error_ConcurrencyConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    /// <summary>The name of a starter regime, e.g. "電信投訴室（電信投訴室管理制度）"; the code itself when unknown.</summary>
    public static string Starter(string code) =>
        OrganisationText.ResourceManager.GetString("Starter_" + code, CultureInfo.CurrentUICulture) ?? code;
}
