using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Account.EntraId;

namespace ComplaintPortal.Tests.Account.EntraId;

public sealed class EntraIdClaimMappingTests
{
    private static EntraIdSettings Settings() => new()
    {
        TenantId = LocalEntraAuthority.TenantId,
        ClientId = LocalEntraAuthority.ClientId,
        ClientSecret = "secret",
    };

    public static TheoryData<string> Roles() => new(PortalRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public void App_role_with_the_portal_role_name_maps_to_that_role(string role)
    {
        var account = EntraIdClaimMapping.Map(LocalEntraAuthority.ClaimsFor("u1", role), Settings());

        Assert.Equal([role], account.Roles);
        Assert.Empty(account.UnmappedAppRoles);
    }

    [Fact]
    public void All_seven_app_roles_map_to_all_seven_portal_roles_in_portal_order()
    {
        var account = EntraIdClaimMapping.Map(LocalEntraAuthority.ClaimsFor("u1", [.. PortalRoles.All.Reverse()]), Settings());

        Assert.Equal(PortalRoles.All, account.Roles);
    }

    [Fact]
    public void Token_without_a_roles_claim_maps_to_no_role()
    {
        var account = EntraIdClaimMapping.Map(LocalEntraAuthority.ClaimsFor("u1"), Settings());

        Assert.Empty(account.Roles);
        Assert.Empty(account.UnmappedAppRoles);
    }

    [Theory]
    [InlineData("Reader")]
    [InlineData("administrator")] // names are exact: a differently cased value is not the portal role
    [InlineData("")]
    public void Unknown_app_role_grants_nothing_and_is_reported(string appRole)
    {
        var account = EntraIdClaimMapping.Map(LocalEntraAuthority.ClaimsFor("u1", appRole, PortalRoles.Supervisor), Settings());

        Assert.Equal([PortalRoles.Supervisor], account.Roles);
        Assert.Equal([appRole], account.UnmappedAppRoles);
    }

    [Fact]
    public void Configured_role_map_translates_app_role_values_and_is_the_whole_truth()
    {
        var settings = Settings();
        settings.RoleMap["Complaints.Intake"] = PortalRoles.IntakeClerk;
        settings.RoleMap["Complaints.Admin"] = PortalRoles.Administrator;

        var account = EntraIdClaimMapping.Map(
            LocalEntraAuthority.ClaimsFor("u1", "Complaints.Intake", "Complaints.Admin", PortalRoles.Leadership), settings);

        Assert.Equal([PortalRoles.IntakeClerk, PortalRoles.Administrator], account.Roles);
        Assert.Equal([PortalRoles.Leadership], account.UnmappedAppRoles);
    }

    [Fact]
    public void Identity_comes_from_oid_name_and_preferred_username()
    {
        var account = EntraIdClaimMapping.Map(LocalEntraAuthority.ClaimsFor("0a1b", PortalRoles.Leadership), Settings());

        Assert.Equal("0a1b", account.ObjectId);
        Assert.Equal(LocalEntraAuthority.TenantId, account.TenantId);
        Assert.Equal("0a1b@contoso.example", account.UserName);
        Assert.Equal("0a1b@contoso.example", account.Email);
        Assert.Equal("测试用户 0a1b", account.DisplayName);
    }

    [Fact]
    public void Department_comes_from_the_configured_claim_before_groups()
    {
        var settings = Settings();
        settings.DepartmentClaim = "extension_department";
        settings.DepartmentGroups["g-eng"] = DepartmentCatalog.Engineering;
        var claims = LocalEntraAuthority.ClaimsFor("u1", PortalRoles.DepartmentHandler);
        claims.Add(new Claim("groups", "g-eng"));

        Assert.Equal(DepartmentCatalog.Engineering, EntraIdClaimMapping.Map(claims, settings).DepartmentCode);

        claims.Add(new Claim("extension_department", " QA "));
        Assert.Equal(DepartmentCatalog.Quality, EntraIdClaimMapping.Map(claims, settings).DepartmentCode);
    }

    [Fact]
    public void Without_department_claim_or_mapped_group_the_department_is_left_to_the_administrator()
    {
        var settings = Settings();
        settings.DepartmentClaim = "extension_department";
        settings.DepartmentGroups["g-eng"] = DepartmentCatalog.Engineering;
        var claims = LocalEntraAuthority.ClaimsFor("u1", PortalRoles.DepartmentHandler);
        claims.Add(new Claim("groups", "g-unrelated"));

        Assert.Null(EntraIdClaimMapping.Map(claims, settings).DepartmentCode);
    }

    [Fact]
    public void Token_for_this_tenant_and_application_has_no_problem()
    {
        Assert.Null(EntraIdClaimMapping.ProblemWith(LocalEntraAuthority.ClaimsFor("u1", PortalRoles.Supervisor), Settings()));
    }

    [Theory]
    [InlineData("tid", "00000000-0000-0000-0000-000000000001", "tenant")]
    [InlineData("aud", "00000000-0000-0000-0000-000000000002", "audience")]
    [InlineData("oid", "", "object id")]
    public void Token_from_another_tenant_or_for_another_app_or_without_object_id_is_refused(string claim, string value, string expected)
    {
        var claims = LocalEntraAuthority.ClaimsFor("u1", PortalRoles.Supervisor)
            .Select(c => c.Type == claim ? new Claim(claim, value) : c).ToList();

        Assert.Contains(expected, EntraIdClaimMapping.ProblemWith(claims, Settings()), StringComparison.Ordinal);
    }

    [Fact]
    public void Token_without_tenant_is_refused()
    {
        var claims = LocalEntraAuthority.ClaimsFor("u1", PortalRoles.Supervisor).Where(c => c.Type != "tid").ToList();

        Assert.NotNull(EntraIdClaimMapping.ProblemWith(claims, Settings()));
    }
}
