using ComplaintPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;

namespace ComplaintPortal.Web.Hosting;

/// <summary>Reads <c>Database:Provider</c> and the matching connection string; anchors a relative SQLite path at the content root.</summary>
internal static class DatabaseSettings
{
    public static DatabaseOptions Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.SectionName).Bind(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = configuration.GetConnectionString(options.Provider.ToString()) ?? "";
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var csb = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
            {
                csb.DataSource = Path.Combine(environment.ContentRootPath, csb.DataSource);
            }

            var folder = Path.GetDirectoryName(csb.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            options.ConnectionString = csb.ToString();
        }

        return options;
    }
}
