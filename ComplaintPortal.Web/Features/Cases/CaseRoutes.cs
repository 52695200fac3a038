using System.Globalization;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Addresses of the case pages and of the evidence endpoint.</summary>
public static class CaseRoutes
{
    public const string Intake = "/cases/new";
    public const string Queue = "/cases/queue";

    /// <summary>The list's order by the next deadline, soonest first (<see cref="CaseOrder"/>).</summary>
    public const string QueueByDue = "due";

    /// <summary>The queue sorted by the next deadline, the overdue first.</summary>
    public const string QueueSoonestDue = Queue + "?sort=" + QueueByDue;
    public const string Search = "/cases/search";
    public const string Workflow = "/cases/workflow";

    public static string Case(string number) => "/cases/" + Uri.EscapeDataString(number);

    /// <summary>The case's handling form (投诉处理单) to print.</summary>
    public static string Form(string number) => Case(number) + "/form";

    /// <summary>The evidence file, shown in the browser (images, PDF, audio) unless <paramref name="download"/>.</summary>
    public static string Evidence(string number, int evidenceId, bool download = false) =>
        Case(number) + "/evidence/" + evidenceId.ToString(CultureInfo.InvariantCulture) + (download ? "?download=true" : "");
}
