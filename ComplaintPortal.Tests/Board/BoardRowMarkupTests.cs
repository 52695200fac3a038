using System.Globalization;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Board;

/// <summary>The shared row markup: boards opened at different times share one copy of a row while its names stay the same.</summary>
public sealed class BoardRowMarkupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-Hans");
    private readonly TestDatabase database = new();
    private readonly SettableTimeProvider time = new(Now);
    private ServiceProvider services = default!;
    private BoardRowMarkup markup = default!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        services = new ServiceCollection().AddScoped<PortalDbContext>(_ => database.CreateContext()).BuildServiceProvider();
        var clock = new OrganisationClock(time, Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        markup = new BoardRowMarkup(services.GetRequiredService<IServiceScopeFactory>(), clock, time);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task Names_reloaded_unchanged_keep_the_rows_already_built_for_earlier_boards()
    {
        var row = Row();
        var first = await markup.LookupsAsync(Zh);
        var line = markup.Line(row, first, Zh, Now);
        time.Advance(TimeSpan.FromMinutes(5));

        var later = await markup.LookupsAsync(Zh);

        Assert.Same(first, later);
        Assert.Same(line, markup.Line(row, later, Zh, time.GetUtcNow()));
    }

    [Fact]
    public async Task Renamed_department_reaches_boards_opened_after_the_next_reload()
    {
        var first = await markup.LookupsAsync(Zh);
        await using (var db = database.CreateContext())
        {
            var department = await db.Departments.OrderBy(d => d.Id).FirstAsync();
            department.Rename("质量保证部", "品質保證部", "Quality assurance");
            await db.SaveChangesAsync();
        }

        Assert.Same(first, await markup.LookupsAsync(Zh)); // within the minute: still the cached names
        time.Advance(TimeSpan.FromMinutes(5));
        var later = await markup.LookupsAsync(Zh);

        Assert.NotSame(first, later);
        Assert.Contains("质量保证部", later.Departments.Values);
    }

    [Fact]
    public async Task A_case_not_yet_categorised_says_so_on_the_board_and_in_its_export()
    {
        var names = await markup.LookupsAsync(Zh);

        var cells = markup.Line(Row(), names, Zh, Now).Cells.Value;
        var before = CultureInfo.CurrentUICulture;
        string exported;
        try
        {
            CultureInfo.CurrentUICulture = Zh;
            exported = BoardColumns.Text(BoardColumn.Category, Row(), names, Now, null);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Contains("<td class=\"board-category\" data-label=\"类别\"><span class=\"board-muted\">待分类</span></td>", cells, StringComparison.Ordinal);
        Assert.Equal("待分类", exported);
    }

    private static BoardRow Row() =>
        new(1, "KS-2026-000001", null, Priority.General, CaseStage.Acknowledged, Now, Now, [], Now.AddDays(9), Now.AddDays(8), 1);
}
