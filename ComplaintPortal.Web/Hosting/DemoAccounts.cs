using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Hosting;

/// <summary>One account per role (and a second department for handlers and heads), created only in Development.</summary>
public sealed class DemoAccounts(UserManager<PortalUser> users, PortalDbContext db, TimeProvider time, ILogger<DemoAccounts> logger)
{
    /// <summary>Documented in the README; meets the password policy.</summary>
    public const string Password = "Portal#2026";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("intake", "客服 王芳", PortalRoles.IntakeClerk, DepartmentCatalog.CustomerService),
        new("handler.qa", "质量部 李强", PortalRoles.DepartmentHandler, DepartmentCatalog.Quality),
        new("head.qa", "质量部 张敏（部长）", PortalRoles.DepartmentHead, DepartmentCatalog.Quality),
        new("handler.eng", "工程部 陈刚", PortalRoles.DepartmentHandler, DepartmentCatalog.Engineering),
        new("head.eng", "工程部 赵磊（经理）", PortalRoles.DepartmentHead, DepartmentCatalog.Engineering),
        new("leader", "总经理 周建国", PortalRoles.Leadership, DepartmentCatalog.Leadership),
        new("supervisor", "监督小组 吴静", PortalRoles.Supervisor, DepartmentCatalog.Supervision),
        new("archivist", "档案管理员 郑洁", PortalRoles.ArchiveClerk, DepartmentCatalog.Archive),
        new("admin", "系统管理员", PortalRoles.Administrator, null),
        // The manufacturer's quality path (R&D + production + quality) and the telecom billing path need these.
        new("handler.rnd", "研发部 孙浩", PortalRoles.DepartmentHandler, DepartmentCatalog.RnD),
        new("handler.prod", "生产部 钱磊", PortalRoles.DepartmentHandler, DepartmentCatalog.Production),
        new("handler.fin", "财务部 何丽", PortalRoles.DepartmentHandler, DepartmentCatalog.Finance),
    ];

    public async Task EnsureAsync()
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        foreach (var account in All)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new PortalUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                DepartmentId = account.DepartmentCode is null ? null : departments[account.DepartmentCode],
                CreatedAt = time.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo account {account.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, account.Role);
            logger.LogInformation("Demo account {UserName} ({Role}) created", account.UserName, account.Role);
        }
    }
}

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? DepartmentCode);
