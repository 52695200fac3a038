using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Web.Components.Shared;
using ComplaintPortal.Web.Features.Account;
using ComplaintPortal.Web.Features.Account.EntraId;
using ComplaintPortal.Web.Features.Admin;
using ComplaintPortal.Web.Features.Archive;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Features.Deadlines;
using ComplaintPortal.Web.Features.Ledger;
using ComplaintPortal.Web.Features.Privacy;
using ComplaintPortal.Web.Features.Organisation;
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
    /// <summary>How long a session may go on with a security stamp that has since changed.</summary>
    public static readonly TimeSpan SecurityStampInterval = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddComplaintPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        services.AddCascadingAuthenticationState();
        services.AddSingleton<AccountStandings>();
        services.AddScoped<AuthenticationStateProvider, PortalRevalidatingAuthenticationStateProvider>();
        services.AddMudServices(o => PortalSnackbars.Configure(o.SnackbarConfiguration));
        // MudBlazor's own strings (pager, filters, dialogs, pickers, upload) in the portal's languages.
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.AddSingleton<CurrentUserSummary>();
        // A report's figures from the prerender to its circuit, kept on the server (the persisted state only names them).
        services.AddMemoryCache();
        services.AddSingleton<PrerenderHandoff>();
        services.AddPortalTheme();
        // Razor otherwise writes CJK text as numeric entities (&#x...;).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddSingleton(TimeProvider.System);
        services.Configure<OrganisationOptions>(builder.Configuration.GetSection(OrganisationOptions.SectionName));
        services.AddSingleton<OrganisationClock>();

        // Cookies are Secure-only unless Security:RequireHttps is false (Development on http://localhost).
        var cookieSecurity = builder.Configuration.GetValue("Security:RequireHttps", true)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        var database = DatabaseSettings.Resolve(builder.Configuration, builder.Environment);
        services.AddPortalDatabase(database,
            (sp, options) => options.AddInterceptors(
                sp.GetRequiredService<LedgerCommitSignal>(),
                new NoticeCommitSignal(sp.GetRequiredService<INoticeFeed>()),
                sp.GetRequiredService<RectificationNoticeCommitSignal>()));
        services.AddHostedService<PlannerStatisticsService>();
        // Background jobs that one instance at a time should run take a lease in the shared database.
        services.AddSingleton<PortalInstance>();
        services.AddScoped<JobLeases>();
        services.AddSingleton<LeasedWork>();
        // Changes the ledger relay does not carry (the archive's, the rectification notices') reach every instance's pages.
        services.Configure<InstanceSignalOptions>(builder.Configuration.GetSection(InstanceSignalOptions.SectionName));
        services.AddSingleton<InstanceSignalRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceSignalRelay>());
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
        // them, in the database they share.
        services.AddPortalKeyRing(database, builder.Configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Plain-http requests are sent to this port (443 unless the site says otherwise), never served.
        services.AddHttpsRedirection(o => o.HttpsPort = builder.Configuration.GetValue<int?>("Security:HttpsPort") ?? 443);

        services.AddScoped<UserAdministration>();
        services.AddScoped<CategoryAdministration>();
        services.AddCaseFeatures(builder.Configuration, builder.Environment);
        services.AddBoardFeature(builder.Configuration);
        services.AddScoped<DemoAccounts>();
        services.AddTransient<DemoCases>();
        services.AddSingleton<FirstAdministratorSetup>();
        services.AddPortalDeadlines(builder.Configuration);
        services.AddLedgerDigests(builder.Configuration, builder.Environment);
        services.AddSupervisionFeature(builder.Configuration);
        services.AddPrivacyFeature();
        services.AddArchive(builder.Configuration);
        services.AddOrganisation();
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
            .AddUserValidator<PortalUserValidator>()
            .AddDefaultTokenProviders();

        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<UnknownNameLockouts>();
        // The sign-in cookie re-reads the user's security stamp every 30 s (on the injected clock), so a
        // lock, a role or department change or a new password ends the rights of every open session
        // within that interval; open circuits are re-checked by PortalRevalidatingAuthenticationStateProvider.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<TimeProvider>((o, time) =>
            {
                o.ValidationInterval = SecurityStampInterval;
                o.TimeProvider = time;
            });

        // Secure by default: anything that does not say otherwise needs one of the portal roles.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(PortalRoles.All).Build());
    }
}
