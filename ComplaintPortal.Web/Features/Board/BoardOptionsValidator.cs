using Microsoft.Extensions.Options;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>
/// Checked at start-up, so a board setting that cannot work (a page of no rows, a poll that never waits) stops the
/// portal with a message naming the key, instead of showing empty boards or spinning the ledger relay.
/// </summary>
public sealed class BoardOptionsValidator : IValidateOptions<BoardOptions>
{
    private const int MaxPageSize = 1000;

    public ValidateOptionsResult Validate(string? name, BoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Rows(errors, "PageSize", options.PageSize);
        Rows(errors, "WallPageSize", options.WallPageSize);
        Rows(errors, "RowsPerBody", options.RowsPerBody);
        Positive(errors, "PollInterval", options.PollInterval);
        Positive(errors, "GapPatience", options.GapPatience);
        Positive(errors, "WallPageTime", options.WallPageTime);
        Positive(errors, "TotalsInterval", options.TotalsInterval);
        Positive(errors, "TotalsRefresh", options.TotalsRefresh);
        if (options.TotalsRefresh > TimeSpan.Zero && options.TotalsInterval > options.TotalsRefresh)
        {
            errors.Add("Board:TotalsInterval must not be longer than Board:TotalsRefresh (changed totals would wait for the full refresh).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Rows(List<string> errors, string key, int value)
    {
        if (value is < 1 or > MaxPageSize)
        {
            errors.Add($"Board:{key} must be between 1 and {MaxPageSize} rows; it is {value}.");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Board:{key} must be a positive time span (e.g. 00:00:02); it is {value}.");
        }
    }
}
