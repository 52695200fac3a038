using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Components.Controls;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Components;

/// <summary>A stored instant shown in the organisation's zone, on the 24-hour clock whatever the language.</summary>
public sealed class LocalTimeTests
{
    private static readonly DateTimeOffset Instant = new(2026, 2, 14, 1, 30, 0, TimeSpan.Zero);

    private static PortalComponentContext Context(string culture, string zone) =>
        new(culture, s => s.AddSingleton(new OrganisationClock(TimeProvider.System, Options.Create(new OrganisationOptions { TimeZone = zone }))));

    [Theory]
    [InlineData("Asia/Shanghai", "2026-02-14 09:30")]
    [InlineData("Asia/Taipei", "2026-02-14 09:30")]
    [InlineData("Europe/London", "2026-02-14 01:30")]
    public async Task A_stored_utc_instant_shows_in_the_organisation_zone(string zone, string expected)
    {
        await using var ctx = Context("en", zone);
        var cut = ctx.Render<LocalTime>(p => p.Add(t => t.Value, Instant).Add(t => t.Format, "yyyy-MM-dd HH:mm"));

        var time = cut.Find("time");
        Assert.Equal(expected, time.TextContent);
        Assert.Equal("2026-02-14T01:30:00.0000000Z", time.GetAttribute("datetime"));
    }

    [Theory]
    [InlineData("zh-Hant", "2026/2/14 16:00")]
    [InlineData("zh-Hans", "2026/2/14 16:00")]
    public async Task An_afternoon_is_on_the_24_hour_clock_in_chinese(string culture, string expected)
    {
        // 08:00 UTC is 16:00 in Shanghai; the culture's own pattern would say 下午4:00 in Traditional Chinese.
        await using var ctx = Context(culture, "Asia/Shanghai");
        var cut = ctx.Render<LocalTime>(p => p.Add(t => t.Value, new DateTimeOffset(2026, 2, 14, 8, 0, 0, TimeSpan.Zero)));

        var text = cut.Find("time").TextContent;
        Assert.Equal(expected, text);
        Assert.DoesNotMatch("上午|下午|AM|PM", text);
    }
}

/// <summary>The day field: year first whatever the browser's language, typed or picked, and a localized word for what is not a day.</summary>
public sealed class DayFieldTests
{
    [Fact]
    public async Task Day_reads_and_types_year_first_and_says_in_chinese_what_is_not_a_day()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        DateTime? chosen = null;
        var cut = ctx.Render<DayField>(p => p.Add(c => c.Date, new DateTime(2026, 3, 5)).Add(c => c.Label, "购买日期")
            .Add(c => c.DateChanged, (DateTime? d) => chosen = d).AddUnmatched("data-test", "day"));

        Assert.Equal("2026-03-05", cut.Find("input[data-test=day]").GetAttribute("value"));

        cut.Find("input[data-test=day]").Change("2026-04-01");
        Assert.Equal(new DateTime(2026, 4, 1), chosen);

        // Year first as people write it: slashes, dots, 年月日, no leading zeros, eight digits, a Chinese input method's full-width forms.
        foreach (var (typed, day) in new[]
        {
            ("2026/3/5", new DateTime(2026, 3, 5)), ("2026.12.1", new DateTime(2026, 12, 1)), ("2026年3月15日", new DateTime(2026, 3, 15)),
            ("20260229", (DateTime?)null), ("20240229", new DateTime(2024, 2, 29)), ("２０２６／４／２", new DateTime(2026, 4, 2)),
        })
        {
            cut.Find("input[data-test=day]").Change(typed);
            Assert.Equal(day, chosen); // what is not a day empties the value (MudBlazor's way); forms refuse it through UnreadFields
            Assert.Equal(day is null, cut.Markup.Contains("请按年-月-日输入日期", StringComparison.Ordinal)); // 2026-02-29 is not a day
        }

        cut.Find("input[data-test=day]").Change("2026-4-1");
        Assert.Equal(new DateTime(2026, 4, 1), chosen);

        cut.Find("input[data-test=day]").Change("四月一日");
        cut.WaitForAssertion(() => Assert.Contains("请按年-月-日输入日期，如 2026-03-05", cut.Markup, StringComparison.Ordinal));
        Assert.Null(chosen);
    }
}

/// <summary>The form's unread fields: a day or time that cannot be read holds the form until corrected or gone.</summary>
public sealed class UnreadFieldsTests
{
    [Fact]
    public async Task A_day_or_a_time_that_cannot_be_read_is_marked_until_corrected()
    {
        await using var ctx = new PortalComponentContext("en");
        var unread = new UnreadFields();
        DateTime? moment = new DateTime(2026, 3, 2, 7, 30, 0);
        var cut = ctx.Render<CascadingValue<UnreadFields>>(p => p.Add(c => c.Value, unread).Add(c => c.IsFixed, true)
            .AddChildContent<MomentField>(m => m.Add(c => c.Value, moment).Add(c => c.DataTest, "at").Add(c => c.ValueChanged, (DateTime? v) => moment = v)));

        cut.Find("input[data-test=at-time]").Change("7.30pm");
        Assert.True(unread.Any);
        Assert.Contains("Enter a time on the 24-hour clock", cut.Markup, StringComparison.Ordinal);
        cut.Find("input[data-test=at-time]").Change("19:30");
        Assert.False(unread.Any);
        Assert.Equal(new DateTime(2026, 3, 2, 19, 30, 0), moment);

        cut.Find("input[data-test=at-day]").Change("2026-13-01");
        Assert.True(unread.Any);
        Assert.Contains("Enter a day as year-month-day", cut.Markup, StringComparison.Ordinal);
        cut.Find("input[data-test=at-day]").Change("2026-3-9");
        Assert.False(unread.Any);

        // A field that goes (a dialog closed, a section hidden) holds nothing back.
        cut.Find("input[data-test=at-day]").Change("soon");
        Assert.True(unread.Any);
        cut.Render(p => p.Add(c => c.Value, unread).Add(c => c.IsFixed, true).AddChildContent("<p>none</p>"));
        Assert.False(unread.Any);
    }
}

/// <summary>The moment field: a day and a 24-hour time, typed, with a localized word for a time it cannot read.</summary>
public sealed class MomentFieldTests
{
    [Fact]
    public async Task Moment_takes_a_typed_24_hour_time_keeps_it_across_a_new_day_and_refuses_what_is_not_a_time()
    {
        await using var ctx = new PortalComponentContext("zh-Hant");
        DateTime? bound = new DateTime(2026, 3, 2, 7, 30, 0);
        var cut = ctx.Render<MomentField>(p => p.Add(c => c.Value, bound).Add(c => c.DataTest, "at")
            .Add(c => c.ValueChanged, (DateTime? v) => bound = v));

        Assert.Equal(("2026-03-02", "07:30"), (cut.Find("input[data-test=at-day]").GetAttribute("value"), cut.Find("input[data-test=at-time]").GetAttribute("value")));

        cut.Find("input[data-test=at-time]").Change("1905");
        Assert.Equal(new DateTime(2026, 3, 2, 19, 5, 0), bound);
        cut.Render(p => p.Add(c => c.Value, bound));
        Assert.Equal("19:05", cut.Find("input[data-test=at-time]").GetAttribute("value"));

        cut.Find("input[data-test=at-day]").Change("2026-03-09");
        Assert.Equal(new DateTime(2026, 3, 9, 19, 5, 0), bound);
        cut.Render(p => p.Add(c => c.Value, bound));

        // Not a time: said on the field in the person's language, the moment unchanged.
        cut.Find("input[data-test=at-time]").Change("下午七點");
        Assert.Contains("請輸入 24 小時制時間", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 3, 9, 19, 5, 0), bound);
    }

    [Fact]
    public async Task Moment_takes_its_day_and_time_in_either_order_and_a_day_alone_starts_at_midnight()
    {
        await using var ctx = new PortalComponentContext("zh-Hans");
        DateTime? bound = null;
        var cut = ctx.Render<MomentField>(p => p.Add(c => c.Value, bound).Add(c => c.DataTest, "at")
            .Add(c => c.ValueChanged, (DateTime? v) => bound = v));

        // A day alone: midnight, said by the time box's placeholder, the box itself left to be typed in.
        cut.Find("input[data-test=at-day]").Change("2026-03-02");
        Assert.Equal(new DateTime(2026, 3, 2, 0, 0, 0), bound);
        cut.Render(p => p.Add(c => c.Value, bound));
        var empty = cut.Find("input[data-test=at-time]");
        Assert.Equal(("", "00:00"), (empty.GetAttribute("value") ?? "", empty.GetAttribute("placeholder")));

        // The time first (typed fast, Tab to the time before the day was read): it waits for the day and joins it. Until
        // the day comes, the field asks for it and holds the form back, so the time typed is never dropped for "now".
        var unread = new UnreadFields();
        DateTime? second = null;
        var other = ctx.Render<CascadingValue<UnreadFields>>(p => p.Add(c => c.Value, unread).Add(c => c.IsFixed, true)
            .AddChildContent<MomentField>(m => m.Add(c => c.Value, second).Add(c => c.DataTest, "at2").Add(c => c.ValueChanged, (DateTime? v) => second = v)));
        Assert.False(other.Find("input[data-test=at2-time]").HasAttribute("disabled"));
        other.Find("input[data-test=at2-time]").Change("930");
        Assert.Null(second);
        Assert.DoesNotContain("24 小时制", other.Markup, StringComparison.Ordinal);
        Assert.Contains("请同时填写日期", other.Markup, StringComparison.Ordinal);
        Assert.True(unread.Any);
        other.Find("input[data-test=at2-day]").Change("2026-03-02");
        Assert.Equal(new DateTime(2026, 3, 2, 9, 30, 0), second);
        Assert.DoesNotContain("请同时填写日期", other.Markup, StringComparison.Ordinal);
        Assert.False(unread.Any);
    }

    [Fact]
    public async Task Moment_keeps_a_typed_time_when_the_day_is_answered_with_the_value_from_before_it()
    {
        await using var ctx = new PortalComponentContext("en");
        DateTime? bound = new DateTime(2026, 3, 2, 0, 0, 0);
        var cut = ctx.Render<MomentField>(p => p.Add(c => c.Value, bound).Add(c => c.DataTest, "at")
            .Add(c => c.ValueChanged, (DateTime? v) => bound = v));

        cut.Find("input[data-test=at-time]").Change("07:30");
        Assert.Equal(new DateTime(2026, 3, 2, 7, 30, 0), bound);

        // The form has not yet rendered the new moment back when the day's event runs (the circuit handles the day's
        // answer late): the bound value the field holds still says 00:00. The time typed is kept, not that 00:00.
        cut.Find("input[data-test=at-day]").Change("2026-03-03");
        Assert.Equal(new DateTime(2026, 3, 3, 7, 30, 0), bound);
        Assert.Equal("07:30", cut.Find("input[data-test=at-time]").GetAttribute("value"));
    }
}
