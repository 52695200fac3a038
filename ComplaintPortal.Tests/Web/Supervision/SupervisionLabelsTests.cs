using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Supervision;

namespace ComplaintPortal.Tests.Web.Supervision;

/// <summary>A sampled case's risks read as one list in the viewer's language, with that language's list separator.</summary>
public sealed class SupervisionLabelsTests
{
    [Theory]
    [InlineData("en", "Urgent, Unsatisfied callback, Closed with leadership approval")]
    [InlineData("zh-Hans", "紧急、回访不满意、经领导批准结案")]
    [InlineData("zh-Hant", "緊急、回訪不滿意、經領導批准結案")]
    public void Risks_are_listed_with_the_languages_separator(string culture, string expected)
    {
        using var language = new UiCulture(culture);
        Assert.Equal(expected, SupervisionLabels.Risks(CaseRisk.Urgent | CaseRisk.UnsatisfiedCallback | CaseRisk.ClosedWithLeadershipApproval));
        Assert.Equal("", SupervisionLabels.Risks(CaseRisk.None));
    }
}
