using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Features.Account.EntraId;
using ComplaintPortal.Web.Features.Admin;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Deadlines;
using ComplaintPortal.Web.Features.Setup;
using ComplaintPortal.Web.Features.Supervision;
using ComplaintPortal.Web.Features.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using ComplaintPortal.Web.Components.Layout;
using MudBlazor;
using MudBlazor.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ComplaintPortal.Web.Hosting;

public static class PortalServices
{
    public static WebApplicationBuilder AddComplaintPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalRevalidatingAuthenticationStateProvider>();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.PreventDuplicates = false;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddSingleton<CurrentUserSummary>();
        // Razor otherwise writes CJK text as numeric entities (&#x...;).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddSingleton(TimeProvider.System);
        services.Configure<OrganisationOptions>(builder.Configuration.GetSection(OrganisationOptions.SectionName));
        services.AddSingleton<OrganisationClock>();

        // Cookies are Secure-only unless Security:RequireHttps is false (Development on http://localhost).
        var cookieSecurity = builder.Configuration.GetValue("Security:RequireHttps", true)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        services.AddPortalDatabase(DatabaseSettings.Resolve(builder.Configuration, builder.Environment),
            (sp, options) => options.AddInterceptors(sp.GetRequiredService<LedgerCommitSignal>()));
        services.AddPortalIdentity(cookieSecurity);
        services.AddPortalEntraId(builder.Configuration);
        services.AddPortalLocalization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cp.af";
            o.Cookie.SecurePolicy = cookieSecurity;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Every instance must read the others' cookies and antiforgery tokens: one key ring for all of
        // them, in a folder they share (default: next to the SQLite file).
        var keys = builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } configured ? configured : "App_Data/keys";
        services.AddDataProtection()
            .SetApplicationName("ComplaintPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, keys)));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Plain-http requests are sent to this port (443 unless the site says otherwise), never served.
        services.AddHttpsRedirection(o => o.HttpsPort = builder.Configuration.GetValue<int?>("Security:HttpsPort") ?? 443);

        services.AddScoped<UserAdministration>();
        services.AddScoped<CategoryAdministration>();
        services.AddCaseFeatures(builder.Configuration, builder.Environment);
        services.AddBoardFeature(builder.Configuration);
        services.AddScoped<DemoAccounts>();
        services.AddSingleton<FirstAdministratorSetup>();
        services.AddPortalDeadlines(builder.Configuration);
        services.AddSupervisionFeature(builder.Configuration);
        return builder;
    }

    private static void AddPortalIdentity(this IServiceCollection services, CookieSecurePolicy cookieSecurity)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = cookieSecurity;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = AccountRoutes.Login;
            o.LogoutPath = AccountRoutes.Logout;
            o.AccessDeniedPath = AccountRoutes.AccessDenied;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Stores.SchemaVersion = PortalDatabase.IdentitySchemaVersion;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // Secure by default: anything that does not say otherwise needs one of the portal roles.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(PortalRoles.All).Build());
    }
}
