using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintPortal.Tests.Ledger;

/// <summary>No SQL Server runs here: the SQL Server migration is checked as a generated script.</summary>
public sealed class LedgerMigrationTests
{
    [Fact]
    public void SqlServer_script_creates_the_append_only_trigger_on_the_ledger()
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDatabase.ConfigureSqlServer(builder, "Server=localhost;Database=Unused;Trusted_Connection=True;TrustServerCertificate=True");
        builder.UseIdentitySchema();
        using var db = new SqlServerPortalDbContext(builder.Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [LedgerEvents]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TRIGGER [dbo].[LedgerEvents_AppendOnly] ON [dbo].[LedgerEvents]", script, StringComparison.Ordinal);
        Assert.Contains("INSTEAD OF UPDATE, DELETE", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_LedgerEvents_ComplaintId_Sequence]", script, StringComparison.Ordinal);
    }
}
