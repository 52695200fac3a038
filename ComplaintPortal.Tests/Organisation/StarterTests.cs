using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;

namespace ComplaintPortal.Tests.Organisation;

public class StarterTests
{
    public static TheoryData<string> AllStarters() => [.. Starters.AllCodes];

    [Theory]
    [MemberData(nameof(AllStarters))]
    public void Every_starter_passes_the_configuration_check(string code)
    {
        var starter = Starters.Find(code)!;

        Assert.Empty(OrganisationSetupCheck.Problems(starter));
        Assert.Equal(code, starter.StarterCode);
    }

    [Theory]
    [InlineData(Starters.ManufacturerCode, "客服部", new[] { "研发部", "生产部", "质量部", "销售部" })]
    [InlineData(Starters.PlazaCode, "物业部（客服中心）", new[] { "工程部", "保安队" })]
    [InlineData(Starters.TelecomCode, "投诉室", new[] { "财务部（计费中心）", "网络运维部", "营业厅管理部" })]
    public void Each_regime_brings_the_departments_of_its_division_of_duties(string code, string intake, string[] responsible)
    {
        var starter = Starters.Find(code)!;

        Assert.Equal(intake, starter.Departments.Single(d => d.Kind == DepartmentKind.CustomerService).NameZhHans);
        foreach (var name in responsible)
        {
            Assert.Equal(DepartmentKind.Operational, starter.Departments.Single(d => d.NameZhHans == name).Kind);
        }
    }

    [Fact]
    public void Telecom_billing_disputes_route_to_finance_which_receives_work()
    {
        var telecom = Starters.Telecom;

        var billing = telecom.Categories.Single(c => c.Code == CategoryCatalog.Billing);
        Assert.Equal([DepartmentCatalog.Finance], billing.RoutesTo);
        Assert.Equal(DepartmentKind.Operational, telecom.Departments.Single(d => d.Code == DepartmentCatalog.Finance).Kind);
        Assert.Contains(telecom.SolutionTypes, s => s.NameZhHans == "话费调整");
    }

    [Fact]
    public void Every_starter_brings_its_cause_categories_the_service_ones_under_one_code_and_a_duplicate_code_is_refused()
    {
        // 000's 原因分析 names 原材料、生產工藝、設計缺陷 for a maker's products.
        Assert.Equal(["原材料质量问题", "生产工艺问题", "设计缺陷"], Starters.Manufacturer.CauseCategories.Take(3).Select(c => c.NameZhHans));
        Assert.Contains(Starters.Telecom.CauseCategories, c => c.NameZhHans == "计费差错");
        Assert.Contains(Starters.Plaza.CauseCategories, c => c.NameZhHant == "設施設備老化");
        foreach (var starter in new[] { Starters.Manufacturer, Starters.Plaza, Starters.Telecom })
        {
            Assert.Contains(starter.CauseCategories, c => c.Code == "TRAINING");
            Assert.Empty(OrganisationSetupCheck.Problems(starter));
        }

        // The mixed organisation has each code once.
        var mixed = Starters.Mixed.CauseCategories;
        Assert.Equal(mixed.Count, mixed.Select(c => c.Code).Distinct().Count());
        Assert.Contains(mixed, c => c.Code == "BILLING");
        Assert.Contains(mixed, c => c.Code == "UPKEEP");
        var twice = Starters.Telecom with { CauseCategories = [.. Starters.Telecom.CauseCategories, new SetupName("BILLING", "计费", "計費", "Billing")] };
        Assert.Contains(OrganisationSetupCheck.Problems(twice), p => p.Where == "BILLING");
    }

    [Fact]
    public void Only_the_plaza_brings_repair_categories_with_paid_and_free_ones()
    {
        Assert.Empty(Starters.Manufacturer.RepairCategories);
        Assert.Empty(Starters.Telecom.RepairCategories);
        Assert.Contains(Starters.Plaza.RepairCategories, r => r.PaidByDefault);
        Assert.Contains(Starters.Plaza.RepairCategories, r => !r.PaidByDefault);
    }

    [Fact]
    public void A_routing_rule_to_a_department_that_receives_no_work_makes_a_configuration_invalid()
    {
        var broken = Starters.Telecom with
        {
            Categories = [.. Starters.Telecom.Categories.Select(c => c.Code == CategoryCatalog.Billing ? c with { RoutesTo = [DepartmentCatalog.Leadership] } : c)],
        };
        var unknown = Starters.Telecom with
        {
            Categories = [.. Starters.Telecom.Categories.Select(c => c.Code == CategoryCatalog.Billing ? c with { RoutesTo = ["NOPE"] } : c)],
        };

        Assert.Contains(OrganisationSetupCheck.Problems(broken), p => p.Code == SetupProblemCode.DepartmentReceivesNoWork);
        Assert.Contains(OrganisationSetupCheck.Problems(unknown), p => p.Code == SetupProblemCode.UnknownDepartment);
    }

    [Fact]
    public void Unknown_starter_codes_are_not_found()
    {
        Assert.Null(Starters.Find("bank"));
        Assert.NotNull(Starters.Find(" Telecom "));
    }
}
