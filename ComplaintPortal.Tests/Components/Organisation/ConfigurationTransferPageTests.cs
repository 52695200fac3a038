using ComplaintPortal.Domain.Organisation.Setup;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Organisation;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Organisation;

/// <summary>The configuration page: the starter it was set up from, and an import that is refused in full, saying why.</summary>
public sealed class ConfigurationTransferPageTests : CaseDatabaseTest
{
    [Fact]
    public async Task A_configuration_naming_an_unknown_department_is_refused_with_the_reason_and_changes_nothing()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var setup = await ctx.WithDbAsync(db => OrganisationSetupExport.ReadAsync(db));
        var broken = setup with
        {
            Categories = [.. setup.Categories, new SetupCategory("GARDEN", null, "园艺", "園藝", "Gardening", ["NOPE"])],
            SolutionTypes = [.. setup.SolutionTypes, new SetupName("GIFT", "赠品", "贈品", "Gift")],
        };
        var cut = ctx.RenderPage<ConfigurationTransfer>();
        cut.WaitForElement("[data-test=import-configuration]");
        Assert.Contains("综合演示组织", cut.Find("[data-test=starter]").TextContent, StringComparison.Ordinal);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(OrganisationSetupExport.ToJson(broken), "setup.json"));

        var problems = cut.WaitForElement("[data-test=import-problems]").TextContent;
        Assert.Contains("未导入任何内容", problems, StringComparison.Ordinal);
        Assert.Contains("部门不在文件中", problems, StringComparison.Ordinal);
        Assert.Contains("GARDEN", problems, StringComparison.Ordinal);
        // All or nothing: the valid part (a new solution type) was not applied either.
        Assert.False(await ctx.WithDbAsync(db => db.Categories.AnyAsync(c => c.Code == "GARDEN")));
        Assert.False(await ctx.WithDbAsync(db => db.SolutionTypes.AnyAsync(s => s.Code == "GIFT")));
    }

    [Theory]
    [InlineData("en", ": GARDEN")]
    [InlineData("zh-Hans", "：GARDEN")]
    public void A_problem_names_where_it_is_with_the_languages_colon(string culture, string ending)
    {
        using var language = new UiCulture(culture);
        var text = ConfigurationTransfer.ProblemText(new SetupProblem(SetupProblemCode.UnknownDepartment, "GARDEN"));
        Assert.EndsWith(ending, text, StringComparison.Ordinal);
        Assert.Equal(ConfigurationTransfer.ProblemText(new SetupProblem(SetupProblemCode.UnknownDepartment, "")) + ending, text);
    }

    [Fact]
    public async Task A_file_that_is_not_a_configuration_is_refused_and_a_valid_one_is_imported()
    {
        await using var ctx = OrganisationPageContext.Administrator(Database, Driver);
        var setup = await ctx.WithDbAsync(db => OrganisationSetupExport.ReadAsync(db));
        var cut = ctx.RenderPage<ConfigurationTransfer>();
        cut.WaitForElement("[data-test=import-configuration]");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("部门,人员\n质量部,李强", "people.csv"));
        cut.WaitForAssertion(() => Assert.Contains("该文件不是门户配置文件", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        var withGift = setup with
        {
            SolutionTypes = [.. setup.SolutionTypes, new SetupName("GIFT", "赠品", "贈品", "Gift")],
            CauseCategories = [.. setup.CauseCategories, new SetupName("SUPPLIER", "供应商原因", "供應商原因", "A supplier")],
        };
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(OrganisationSetupExport.ToJson(withGift), "setup.json"));

        cut.WaitForAssertion(() => Assert.Contains("配置已导入", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-test=import-problems]"));
        Assert.True(await ctx.WithDbAsync(db => db.SolutionTypes.AnyAsync(s => s.Code == "GIFT" && s.IsActive)));
        Assert.True(await ctx.WithDbAsync(db => db.CauseCategories.AnyAsync(s => s.Code == "SUPPLIER" && s.NameZhHant == "供應商原因" && s.IsActive)));
        // And the export carries the organisation's cause categories on, in their order.
        var exported = await ctx.WithDbAsync(db => OrganisationSetupExport.ReadAsync(db));
        Assert.Equal([.. setup.CauseCategories.Select(c => c.Code), "SUPPLIER"], exported.CauseCategories.Select(c => c.Code));
    }
}
