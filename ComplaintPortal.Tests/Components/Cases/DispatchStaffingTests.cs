using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>Dispatching to a department with no handler or head account says that nobody would receive the task.</summary>
public sealed class DispatchStaffingTests : CasePageTest
{
    [Fact]
    public async Task A_department_without_staff_is_marked_and_choosing_it_warns_before_the_task_is_sent()
    {
        var ctx = Open();
        await using (var db = Database.CreateContext())
        {
            var handlerRole = await db.Roles.SingleAsync(r => r.Name == PortalRoles.DepartmentHandler);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = Driver.HandlerOf(DepartmentCatalog.Engineering).UserId, RoleId = handlerRole.Id });
            await db.SaveChangesAsync();
        }

        var complaint = await Driver.CaseInStageAsync(CaseStage.Acknowledged);
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action]").Click();
        cut.WaitForElement("[data-test=step-dialog]");

        var engineering = cut.Find("[data-code=ENG]").Closest("label")!;
        var quality = cut.Find("[data-code=QA]").Closest("label")!;
        Assert.DoesNotContain("无处理人员", engineering.TextContent, StringComparison.Ordinal);
        Assert.Contains("质量部（无处理人员）", quality.TextContent, StringComparison.Ordinal);
        // The routing proposal ticks some departments; with only the staffed one ticked there is nothing to warn of.
        foreach (var code in cut.FindAll("input[data-code]").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("data-code")).ToList())
        {
            cut.Find($"input[data-code={code}]").Change(false);
        }

        cut.Find("input[data-code=ENG]").Change(true);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=departments-unstaffed]")));

        cut.Find("input[data-code=QA]").Change(true);

        var warning = cut.WaitForElement("[data-test=departments-unstaffed]");
        Assert.Contains("质量部 尚无处理人员或部门负责人账号", warning.TextContent, StringComparison.Ordinal);
    }
}
