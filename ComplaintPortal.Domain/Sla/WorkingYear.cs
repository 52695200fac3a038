namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// One local calendar year of a working calendar, compiled to sorted UTC working intervals with a running
/// total, so any question about the year is a binary search instead of a walk through its days.
/// </summary>
internal sealed class WorkingYear
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    // _workedThrough[i] = working ticks from the start of the year to the end of interval i.
    private readonly long[] _workedThrough;

    // Per local day of the year (0 = 1 January): the UTC close of its last working period (0 on a day off),
    // and how many working days the year has up to and including it.
    private readonly long[] _dayClose;
    private readonly int[] _workingDaysThrough;

    private WorkingYear(int year, long startUtc, long endUtc, List<long> starts, List<long> ends, long[] dayClose)
    {
        Year = year;
        StartUtc = startUtc;
        EndUtc = endUtc;
        _starts = [.. starts];
        _ends = [.. ends];
        _dayClose = dayClose;
        _workingDaysThrough = new int[dayClose.Length];
        int days = 0;
        for (int d = 0; d < dayClose.Length; d++)
        {
            days += dayClose[d] != 0 ? 1 : 0;
            _workingDaysThrough[d] = days;
        }

        WorkingDays = days;
        _workedThrough = new long[_starts.Length];
        long total = 0;
        for (int i = 0; i < _starts.Length; i++)
        {
            total += _ends[i] - _starts[i];
            _workedThrough[i] = total;
        }

        TotalTicks = total;
    }

    public int Year { get; }

    /// <summary>UTC ticks of local midnight on 1 January; the year covers [StartUtc, EndUtc).</summary>
    public long StartUtc { get; }

    public long EndUtc { get; }

    public long TotalTicks { get; }

    /// <summary>How many local dates of the year have working time.</summary>
    public int WorkingDays { get; }

    /// <param name="periodsOn">Working periods of a local date as [start, end) tick pairs since local midnight.</param>
    public static WorkingYear Compile(int year, CalendarZone zone, Func<DateOnly, long[]> periodsOn)
    {
        var starts = new List<long>(600);
        var ends = new List<long>(600);
        var firstDay = new DateOnly(year, 1, 1);
        var nextYear = firstDay.AddYears(1);
        var dayClose = new long[nextYear.DayNumber - firstDay.DayNumber];
        for (var date = firstDay; date < nextYear; date = date.AddDays(1))
        {
            long midnight = date.ToDateTime(TimeOnly.MinValue).Ticks;
            long[] periods = periodsOn(date);
            int intervalsBefore = ends.Count;
            long lastEndBefore = intervalsBefore > 0 ? ends[^1] : 0;
            for (int p = 0; p < periods.Length; p += 2)
            {
                long start = zone.ToUtcTicks(new DateTime(midnight + periods[p]));
                long end = zone.ToUtcTicks(new DateTime(midnight + periods[p + 1]));
                if (end <= start)
                {
                    continue; // swallowed whole by a spring-forward gap
                }

                if (ends.Count > 0 && ends[^1] == start)
                {
                    ends[^1] = end; // back-to-back periods (24/7, a shift running to midnight) are one interval
                }
                else
                {
                    starts.Add(start);
                    ends.Add(end);
                }
            }

            if (ends.Count > intervalsBefore || (ends.Count > 0 && ends[^1] != lastEndBefore))
            {
                dayClose[date.DayNumber - firstDay.DayNumber] = ends[^1];
            }
        }

        long startUtc = zone.ToUtcTicks(firstDay.ToDateTime(TimeOnly.MinValue));
        long endUtc = zone.ToUtcTicks(nextYear.ToDateTime(TimeOnly.MinValue));
        return new WorkingYear(year, startUtc, endUtc, starts, ends, dayClose);
    }

    /// <summary>Working ticks from the start of the year up to <paramref name="utc"/>.</summary>
    public long WorkedBefore(long utc)
    {
        int i = LastStartingAtOrBefore(utc);
        return i < 0 ? 0 : _workedThrough[i] - (_ends[i] - Math.Min(utc, _ends[i]));
    }

    /// <summary>The earliest instant by which <paramref name="worked"/> ticks (0 &lt; worked ≤ total) have been worked.</summary>
    public long InstantAfterWorking(long worked)
    {
        int i = Array.BinarySearch(_workedThrough, worked);
        if (i < 0)
        {
            i = ~i;
        }

        return _ends[i] - (_workedThrough[i] - worked);
    }

    /// <summary>Working days from 1 January up to and including day <paramref name="dayOfYear"/> (0-based; -1 gives 0).</summary>
    public int WorkingDaysThrough(int dayOfYear) => dayOfYear < 0 ? 0 : _workingDaysThrough[dayOfYear];

    /// <summary>The close (end of the last working period) of the <paramref name="n"/>th working day of the year (1-based).</summary>
    public long CloseOfWorkingDay(int n)
    {
        // The first day whose running count reaches n; counts repeat over days off, so search for the lowest.
        int low = 0;
        int high = _workingDaysThrough.Length - 1;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (_workingDaysThrough[middle] >= n)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return _dayClose[low];
    }

    public bool IsWorking(long utc)
    {
        int i = LastStartingAtOrBefore(utc);
        return i >= 0 && utc < _ends[i];
    }

    /// <summary><paramref name="utc"/> itself when working, else the next start in this year, else null.</summary>
    public long? NextWorkingAtOrAfter(long utc)
    {
        int i = LastStartingAtOrBefore(utc);
        if (i >= 0 && utc < _ends[i])
        {
            return utc;
        }

        return i + 1 < _starts.Length ? _starts[i + 1] : null;
    }

    private int LastStartingAtOrBefore(long utc)
    {
        int i = Array.BinarySearch(_starts, utc);
        return i >= 0 ? i : ~i - 1;
    }
}
