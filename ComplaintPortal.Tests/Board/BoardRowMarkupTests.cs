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

    [Fact]
    public async Task Times_of_this_year_are_short_and_those_of_another_year_carry_it()
    {
        var names = await markup.LookupsAsync(Zh);
        // Entered its stage on 7 December 2024 (Shanghai), due two days later: two years overdue, not due this week.
        var old = new DateTimeOffset(2024, 12, 6, 16, 45, 0, TimeSpan.Zero);
        var stale = new BoardRow(2, "KS-2024-000001", null, Priority.General, CaseStage.Registered, old, old, [], old.AddDays(2), old.AddDays(1), 1);

        var oldCells = markup.Line(stale, names, Zh, Now).Cells.Value;
        var cells = markup.Line(Row(), names, Zh, Now).Cells.Value;

        Assert.Contains(">2024-12-07 00:45</time>", oldCells, StringComparison.Ordinal);
        Assert.Contains(">2024-12-09 00:45</time>", oldCells, StringComparison.Ordinal);
        // 1 December 2026 10:00 in Shanghai, due on the 10th: this year's, month and day only.
        Assert.Contains(">12-01 10:00</time>", cells, StringComparison.Ordinal);
        Assert.Contains(">12-10 10:00</time>", cells, StringComparison.Ordinal);
    }

    private static BoardRow Row() =>
        new(1, "KS-2026-000001", null, Priority.General, CaseStage.Acknowledged, Now, Now, [], Now.AddDays(9), Now.AddDays(8), 1);
}
