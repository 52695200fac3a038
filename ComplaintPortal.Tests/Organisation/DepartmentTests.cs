using System.Globalization;
using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Tests.Organisation;

public class DepartmentTests
{
    [Theory]
    [InlineData("zh-Hans", "质量部")]
    [InlineData("zh-CN", "质量部")]
    [InlineData("zh-Hant", "質量部")]
    [InlineData("zh-TW", "質量部")]
    [InlineData("zh-HK", "質量部")]
    [InlineData("en", "Quality")]
    [InlineData("en-GB", "Quality")]
    public void Display_name_follows_the_ui_culture(string culture, string expected)
    {
        var quality = DepartmentCatalog.Seed().Single(d => d.Code == DepartmentCatalog.Quality);

        Assert.Equal(expected, quality.DisplayName(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Missing_translation_falls_back_to_simplified_chinese()
    {
        var department = new Department("X", "新部门", "", "", DepartmentKind.Operational);

        Assert.Equal("新部门", department.DisplayName(CultureInfo.GetCultureInfo("en")));
        Assert.Equal("新部门", department.DisplayName(CultureInfo.GetCultureInfo("zh-Hant")));
    }

    [Fact]
    public void Seed_holds_the_union_of_the_three_regimes_with_unique_codes()
    {
        var codes = DepartmentCatalog.Seed().Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var required in new[]
                 {
                     DepartmentCatalog.CustomerService, DepartmentCatalog.RnD, DepartmentCatalog.Production,
                     DepartmentCatalog.Quality, DepartmentCatalog.Sales, DepartmentCatalog.Engineering,
                     DepartmentCatalog.Security, DepartmentCatalog.PropertyManagement, DepartmentCatalog.Leadership,
                 })
        {
            Assert.Contains(required, codes);
        }
    }

    [Fact]
    public void Every_role_is_listed_once_and_in_the_any_role_list()
    {
        Assert.Equal(7, PortalRoles.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(PortalRoles.All, PortalRoles.AnyRole.Split(','));
        Assert.False(PortalRoles.IsKnown("Guest"));
    }
}
