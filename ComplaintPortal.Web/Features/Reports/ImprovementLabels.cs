using System.Globalization;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Web.Features.Validation;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Reports;

/// <summary>What an improvement action's dialog asks for: raising one, reporting it done, or sending it back.</summary>
public enum ImprovementStep
{
    Raise = 0,
    Report = 1,
    SendBack = 2,
}

/// <summary>Improvement actions' states, refusals and problems in the reader's words.</summary>
public static class ImprovementLabels
{
    public static string Status(ImprovementStatus status) => Text("Improve_Status_", status.ToString());

    /// <summary>A state's colour: in progress, waiting to be verified, closed.</summary>
    public static MudBlazor.Color StatusColor(ImprovementStatus status) => status switch
    {
        ImprovementStatus.Open => MudBlazor.Color.Info,
        ImprovementStatus.Done => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Success,
    };

    /// <summary>The actions' list filter showing actions in <paramref name="status"/>.</summary>
    public static ImprovementFilter Filter(ImprovementStatus status) => status switch
    {
        ImprovementStatus.Open => ImprovementFilter.Open,
        ImprovementStatus.Done => ImprovementFilter.Done,
        _ => ImprovementFilter.Verified,
    };

    public static string Error(ImprovementError error) => Text("Improve_Error_", error.ToString());

    public static string Event(ImprovementEvent what) => Text("Improve_Event_", what.ToString());

    public static string Problem(ImprovementFieldError refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return refused.Problem switch
        {
            ImprovementProblem.Required => CaseText.Validation_Required,
            ImprovementProblem.Text when refused.Text is { } text => InputMessages.Describe(text),
            _ => Text("Improve_Problem_", refused.Problem.ToString()),
        };
    }

    private static string Text(string prefix, string name) =>
        DeadlineText.ResourceManager.GetString(prefix + name, CultureInfo.CurrentUICulture) ?? InputText.Problem_Title;
}
