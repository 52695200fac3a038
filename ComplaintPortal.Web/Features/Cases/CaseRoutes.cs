using System.Globalization;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Addresses of the case pages and of the evidence endpoint.</summary>
public static class CaseRoutes
{
    public const string Intake = "/cases/new";
    public const string Queue = "/cases/queue";
    public const string Search = "/cases/search";
    public const string Workflow = "/cases/workflow";

    public static string Case(string number) => "/cases/" + Uri.EscapeDataString(number);

    /// <summary>The evidence file, shown in the browser (images, PDF, audio) unless <paramref name="download"/>.</summary>
    public static string Evidence(string number, int evidenceId, bool download = false) =>
        Case(number) + "/evidence/" + evidenceId.ToString(CultureInfo.InvariantCulture) + (download ? "?download=true" : "");
}
