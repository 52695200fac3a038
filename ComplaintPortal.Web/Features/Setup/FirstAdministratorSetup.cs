using System.Security.Cryptography;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Identity;

namespace ComplaintPortal.Web.Features.Setup;

/// <summary>
/// Outside Development no account exists at first. The first administrator comes either from
/// configuration (<c>Bootstrap:AdminUserName</c> / <c>Bootstrap:AdminPassword</c>) or from the
/// <c>/setup</c> page, which asks for a one-time code written to the server log, so that only
/// whoever runs the server can claim it.
/// </summary>
public sealed class FirstAdministratorSetup(IConfiguration configuration, TimeProvider time, ILogger<FirstAdministratorSetup> logger)
{
    private readonly Lock gate = new();
    private string? setupCode;

    public bool IsPending { get; private set; }

    public async Task InitialiseAsync(IServiceProvider services)
    {
        if (Account.EntraId.PortalAuthenticationSettings.ReadMode(configuration) == Account.EntraId.PortalAuthenticationMode.EntraId)
        {
            // Administrators are whoever holds the Administrator app role in Entra ID; a local
            // password account could never sign in, so there is nothing to set up here.
            IsPending = false;
            return;
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        if ((await users.GetUsersInRoleAsync(PortalRoles.Administrator)).Count > 0)
        {
            IsPending = false;
            return;
        }

        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(userName) && !string.IsNullOrEmpty(password))
        {
            var result = await CreateAsync(users, userName, userName, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    "Bootstrap administrator could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            logger.LogWarning("First administrator {UserName} created from configuration; remove Bootstrap:AdminPassword now", userName);
            IsPending = false;
            return;
        }

        lock (gate)
        {
            setupCode = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10);
            IsPending = true;
        }

        logger.LogWarning("No administrator exists. Open /setup and enter the set-up code {SetupCode} to create one", setupCode);
    }

    public bool CodeMatches(string? code)
    {
        lock (gate)
        {
            return IsPending && setupCode is not null && code is not null
                && CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(setupCode), System.Text.Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()));
        }
    }

    public async Task<IdentityResult> CompleteAsync(UserManager<PortalUser> users, string code, string userName, string displayName, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (!CodeMatches(code))
        {
            return IdentityResult.Failed(new IdentityError { Code = "SetupCode", Description = UiText.Setup_WrongCode });
        }

        var result = await CreateAsync(users, userName, displayName, password);
        if (result.Succeeded)
        {
            lock (gate)
            {
                IsPending = false;
                setupCode = null;
            }
        }

        return result;
    }

    private async Task<IdentityResult> CreateAsync(UserManager<PortalUser> users, string userName, string displayName, string password)
    {
        var user = new PortalUser { UserName = userName.Trim(), DisplayName = displayName.Trim(), CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, PortalRoles.Administrator) : created;
    }
}
