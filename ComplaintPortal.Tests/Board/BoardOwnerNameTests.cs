using ComplaintPortal.Web.Features.Board;

namespace ComplaintPortal.Tests.Board;

/// <summary>The board's department / handler cell (and its export column) names the department once.</summary>
public sealed class BoardOwnerNameTests
{
    [Theory]
    [InlineData("质量部", null, "质量部")]
    [InlineData("质量部", "李强", "质量部 · 李强")]
    [InlineData("质量部", "质量部 李强", "质量部 李强")]
    [InlineData("Quality", "质量部 李强", "Quality · 质量部 李强")]
    [InlineData("", "李强", "李强")]
    public void A_display_name_that_already_names_the_department_is_not_prefixed_again(string department, string? owner, string shown) =>
        Assert.Equal(shown, BoardColumns.DepartmentAndOwner(department, owner));
}
