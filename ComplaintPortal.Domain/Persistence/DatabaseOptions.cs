namespace ComplaintPortal.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string for the chosen provider.</summary>
    public string ConnectionString { get; set; } = "";
}
