using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;
using ComplaintPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// One account per role (and a second department for handlers and heads), created only in Development or on
/// a demo server, for the starter the portal was set up with (<see cref="DemoPeople"/>).
/// </summary>
public sealed class DemoAccounts(UserManager<PortalUser> users, PortalDbContext db, TimeProvider time, ILogger<DemoAccounts> logger)
{
    /// <summary>Documented in the README; meets the password policy.</summary>
    public const string Password = "Portal#2026";

    /// <summary>The accounts of the mixed demonstration organisation (the default of Development and of tests).</summary>
    public static IReadOnlyList<DemoAccount> All => DemoPeople.For(Starters.MixedCode);

    public async Task EnsureAsync()
    {
        var starter = await OrganisationProfile.StarterCodeAsync(db) ?? Starters.MixedCode;
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        foreach (var account in DemoPeople.For(starter))
        {
            if (await users.FindByNameAsync(account.UserName) is not null
                || (account.DepartmentCode is not null && !departments.ContainsKey(account.DepartmentCode)))
            {
                continue;
            }

            var user = new PortalUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                DepartmentId = account.DepartmentCode is null ? null : departments[account.DepartmentCode],
                // An address at the documentation domain, so notice mail can be tried (it lands in the pick-up folder).
                Email = account.UserName + "@example.com",
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

        await AppointHeadsAsync(starter);
        await JoinTeamsAsync(starter);
    }

    /// <summary>Each demo person with a team joins it once, so a head assigning a task sees the crews.</summary>
    private async Task JoinTeamsAsync(string starter)
    {
        foreach (var member in DemoPeople.For(starter).Where(a => a.TeamCode is not null))
        {
            var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Code == member.TeamCode);
            var user = await users.FindByNameAsync(member.UserName);
            if (team is not null && user is not null && !await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.UserId == user.Id))
            {
                db.TeamMembers.Add(new TeamMember(team.Id, user.Id));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Each department whose head account exists gets it as its head, so the department page shows one.</summary>
    private async Task AppointHeadsAsync(string starter)
    {
        foreach (var head in DemoPeople.For(starter).Where(a => a.Role == PortalRoles.DepartmentHead && a.DepartmentCode is not null))
        {
            var department = await db.Departments.FirstOrDefaultAsync(d => d.Code == head.DepartmentCode && d.HeadUserId == null);
            var user = await users.FindByNameAsync(head.UserName);
            if (department is not null && user is not null)
            {
                department.AppointHead(user.Id);
            }
        }

        await db.SaveChangesAsync();
    }
}

/// <param name="TeamCode">The team (班組) of their department they belong to, if any.</param>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? DepartmentCode, string? TeamCode = null);
