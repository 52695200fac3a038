using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintPortal.Tests.Supervision;

/// <summary>No SQL Server runs here: its migration is checked as a generated script.</summary>
public sealed class SupervisionMigrationTests
{
    [Fact]
    public void SqlServer_script_makes_the_log_and_publications_append_only_and_one_active_draw_per_period()
    {
        var builder = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDatabase.ConfigureSqlServer(builder, "Server=localhost;Database=Unused;Trusted_Connection=True;TrustServerCertificate=True");
        builder.UseIdentitySchema();
        using var db = new SqlServerPortalDbContext(builder.Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TRIGGER [dbo].[SupervisionLog_AppendOnly] ON [dbo].[SupervisionLog]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TRIGGER [dbo].[FiguresPublications_AppendOnly] ON [dbo].[FiguresPublications]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_SampleDraws_ActivePeriod] ON [SampleDraws] ([ActivePeriod]) WHERE [ActivePeriod] IS NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_SampledCases_SampleDrawId_ComplaintId]", script, StringComparison.Ordinal);
    }
}
