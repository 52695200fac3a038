using System.Diagnostics;
using System.Globalization;
using ComplaintPortal.Domain.Sla;

// Times both readings of a working-day target on the mainland 2026 calendar: 1,000,000 deadlines per round,
// fixed seed, 3 rounds each. "elapsed" is AddWorkingTime (working hours, or days at the same clock time);
// "whole days" is CloseOfWorkingDaysAfter (N 個工作日內: the close of the Nth working day after receipt).
const int Operations = 1_000_000;
const int Rounds = 3;
const int WarmUpOperations = 200_000;

#if DEBUG
Say("WARNING: Debug build; run with -c Release for meaningful figures.");
#endif

var compile = Stopwatch.StartNew();
var calendar = WorkingCalendar.Create(CalendarSeeds.ChinaMainland2026);
var firstDeadline = calendar.AddWorkingTime(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(4));
compile.Stop();
Say($"Calendar created and year 2026 compiled on first use in {compile.Elapsed.TotalMilliseconds:F2} ms");

// Starts anywhere in 2026 (nights, weekends and holidays included); working time from 4 h to 7 working days.
var random = new Random(42);
var yearStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
int maxMinutes = (int)(calendar.StandardWorkingDay * 7).TotalMinutes;
var starts = new DateTimeOffset[Operations];
var workingTimes = new TimeSpan[Operations];
var wholeDays = new int[Operations];
for (int i = 0; i < Operations; i++)
{
    starts[i] = yearStart.AddMinutes(random.Next(0, 365 * 24 * 60));
    workingTimes[i] = TimeSpan.FromMinutes(random.Next(4 * 60, maxMinutes + 1));
}

// Drawn after the elapsed inputs, so the elapsed reading's inputs and checksum stay those of earlier runs.
for (int i = 0; i < Operations; i++)
{
    wholeDays[i] = random.Next(1, 8);
}

long checksum = firstDeadline.UtcTicks;
for (int i = 0; i < WarmUpOperations; i++)
{
    checksum ^= calendar.AddWorkingTime(starts[i], workingTimes[i]).UtcTicks;
    checksum ^= calendar.CloseOfWorkingDaysAfter(starts[i], wholeDays[i]).UtcTicks;
}

Say($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {Operations:N0} deadlines per round");
checksum ^= Time("elapsed (4 h to 7 days of working time)", i => calendar.AddWorkingTime(starts[i], workingTimes[i]));
checksum ^= Time("whole days (1 to 7 working days)", i => calendar.CloseOfWorkingDaysAfter(starts[i], wholeDays[i]));
Say($"final checksum {checksum}");

static long Time(string reading, Func<int, DateTimeOffset> deadline)
{
    long checksum = 0;
    for (int round = 1; round <= Rounds; round++)
    {
        long roundChecksum = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Operations; i++)
        {
            roundChecksum += deadline(i).UtcTicks;
        }

        clock.Stop();
        checksum ^= roundChecksum;
        double seconds = clock.Elapsed.TotalSeconds;
        Say($"{reading}, round {round}: {clock.Elapsed.TotalMilliseconds:F1} ms total, {seconds * 1e9 / Operations:F1} ns/op, {Operations / seconds:N0} ops/s, checksum {roundChecksum}");
    }

    return checksum;
}

static void Say(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
