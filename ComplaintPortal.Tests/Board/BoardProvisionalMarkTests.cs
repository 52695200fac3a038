using System.Globalization;
using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Board;

public sealed class BoardProvisionalMarkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Row_whose_deadline_is_provisional_carries_one_mark_with_its_reason_and_a_changed_mark_renders_again()
    {
        var time = new SettableTimeProvider(Now);
        var clock = new OrganisationClock(time, Options.Create(new OrganisationOptions { TimeZone = "Asia/Shanghai" }));
        using var services = new ServiceCollection().BuildServiceProvider();
        var markup = new BoardRowMarkup(services.GetRequiredService<IServiceScopeFactory>(), clock, time);
        var names = new BoardLookups(new Dictionary<int, string>(), new Dictionary<int, string>());
        var zh = CultureInfo.GetCultureInfo("zh-Hant");
        var row = new BoardRow(1, "KS-2026-000001", null, Priority.General, CaseStage.Acknowledged, Now, Now, [], Now.AddDays(9), Now.AddDays(8), 1,
            HasProvisionalDeadline: true);

        var marked = markup.Line(row, names, zh, Now).Cells.Value;
        var final = markup.Line(row with { HasProvisionalDeadline = false }, names, zh, Now).Cells.Value;

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(marked, "data-test=\"provisional\""));
        Assert.Contains(">暫定<", marked, StringComparison.Ordinal);
        Assert.Contains("尚未錄入法定假日", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("provisional", final, StringComparison.Ordinal);
    }
}
