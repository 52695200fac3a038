using System.Globalization;
using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Account;

/// <summary>
/// Password sign-in that tells a prober nothing about which user names exist: an unknown name costs the
/// same password hashing as a real one, gets the same answer, and is locked out after the same number of
/// failures for the same time. Every failure is logged with the name, the address and the time, never
/// the password.
/// </summary>
public sealed partial class PasswordSignIn(
    SignInManager<PortalUser> signIn, IPasswordHasher<PortalUser> hasher, IOptions<IdentityOptions> identity,
    UnknownNameLockouts unknownNames, TimeProvider time, ILogger<PasswordSignIn> logger)
{
    public async Task<SignInResult> SignInAsync(string userName, string password, bool remember, IPAddress? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var user = await signIn.UserManager.FindByNameAsync(userName);
        SignInResult result;
        if (user is null)
        {
            // What a real account costs: a locked-out one is refused before its password is hashed,
            // any other one costs one password hash. The answers are the same too.
            if (!unknownNames.IsLockedOut(userName, time.GetUtcNow()))
            {
                hasher.VerifyHashedPassword(UnknownNameLockouts.Nobody, unknownNames.DummyHash(hasher), password);
            }

            result = unknownNames.Fail(userName, identity.Value.Lockout, time.GetUtcNow());
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        }

        if (!result.Succeeded)
        {
            // The name goes to the log as one plain line: a name with line breaks cannot forge log entries.
            var name = TextRules.ToOneLine(userName, 256);
            var at = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            if (result.IsLockedOut)
            {
                LogLockedOut(name, remoteAddress?.ToString() ?? "-", at);
            }
            else
            {
                LogFailed(name, remoteAddress?.ToString() ?? "-", at);
            }
        }

        return result;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sign-in failed for {UserName} from {RemoteAddress} at {Time}")]
    private partial void LogFailed(string userName, string remoteAddress, string time);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Sign-in refused, locked out: {UserName} from {RemoteAddress} at {Time}")]
    private partial void LogLockedOut(string userName, string remoteAddress, string time);
}

/// <summary>
/// Failure counts for names that are not accounts, so they lock out like real ones. Kept in memory per
/// instance, bounded, and forgotten after the lockout time.
/// </summary>
public sealed class UnknownNameLockouts : IDisposable
{
    internal static readonly PortalUser Nobody = new() { UserName = "nobody" };

    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private string? dummyHash;

    public string DummyHash(IPasswordHasher<PortalUser> hasher)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
    }

    public bool IsLockedOut(string userName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(userName);
        lock (failures)
        {
            return failures.Get<Entry>(userName.ToUpperInvariant())?.LockedUntil > now;
        }
    }

    public SignInResult Fail(string userName, LockoutOptions lockout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(lockout);
        var key = userName.ToUpperInvariant();
        lock (failures)
        {
            var entry = failures.Get<Entry>(key) ?? new Entry();
            if (entry.LockedUntil > now)
            {
                return SignInResult.LockedOut;
            }

            entry.Count++;
            if (entry.Count >= lockout.MaxFailedAccessAttempts)
            {
                entry = new Entry { LockedUntil = now + lockout.DefaultLockoutTimeSpan };
            }

            failures.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = lockout.DefaultLockoutTimeSpan });
            return entry.LockedUntil > now ? SignInResult.LockedOut : SignInResult.Failed;
        }
    }

    public void Dispose() => failures.Dispose();

    private sealed class Entry
    {
        public int Count { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
