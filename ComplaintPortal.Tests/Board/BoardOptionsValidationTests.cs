using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using Microsoft.Extensions.Options;

namespace ComplaintPortal.Tests.Board;

/// <summary>Board settings that cannot work stop the portal at start-up with a message naming the key.</summary>
public sealed class BoardOptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new BoardOptionsValidator().Validate(null, new BoardOptions()).Succeeded);
    }

    [Fact]
    public void Every_setting_that_cannot_work_is_named()
    {
        var result = new BoardOptionsValidator().Validate(null, new BoardOptions
        {
            PageSize = 0, WallPageSize = 5000, RowsPerBody = -1, PollInterval = TimeSpan.Zero, TotalsInterval = TimeSpan.FromMinutes(5),
        });

        Assert.Equal(
            [
                "Board:PageSize must be between 1 and 1000 rows; it is 0.",
                "Board:WallPageSize must be between 1 and 1000 rows; it is 5000.",
                "Board:RowsPerBody must be between 1 and 1000 rows; it is -1.",
                "Board:PollInterval must be a positive time span (e.g. 00:00:02); it is 00:00:00.",
                "Board:TotalsInterval must not be longer than Board:TotalsRefresh (changed totals would wait for the full refresh).",
            ],
            result.Failures);
    }

    [Fact]
    public void Portal_with_a_board_page_of_no_rows_does_not_start()
    {
        using var app = new PortalAppFactory();
        app.Settings["Board:PageSize"] = "0";

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Board:PageSize must be between 1 and 1000 rows; it is 0.", error.Failures);
    }
}
