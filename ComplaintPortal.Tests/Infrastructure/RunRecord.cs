using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// What happened around a browser test that its steps do not see: the server's warnings and errors (a circuit that
/// died, a failed query) and what each browser page reported (console errors, uncaught script errors, navigations,
/// closed pages). Written to the test's output, which the test report shows for a failed test only: a step that waited
/// 30 s in vain then says whether the page had reloaded or its circuit had gone.
/// </summary>
/// <remarks>Lines carry the milliseconds since the record began (a stopwatch, not a clock: no time in a test's logic comes from here).</remarks>
public sealed class RunRecord
{
    private const int MaxLines = 400;

    private readonly ConcurrentQueue<string> lines = new();
    private readonly long started = Stopwatch.GetTimestamp();
    private int dropped;

    public void Add(string source, string text)
    {
        if (lines.Count >= MaxLines)
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        lines.Enqueue($"{Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:F0} ms  {source}: {text}");
    }

    /// <summary>Records, for every page the context opens, its console errors and warnings, script errors, navigations and closing.</summary>
    public void Watch(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var page in context.Pages)
        {
            Watch(page);
        }

        context.Page += (_, page) => Watch(page);
    }

    public void Watch(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var name = $"page {page.GetHashCode():x8}";
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Add(name, $"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Add(name, $"script error: {error}");
        page.Crash += (_, _) => Add(name, "crashed");
        page.Close += (_, _) => Add(name, "closed");
        page.FrameNavigated += (_, frame) =>
        {
            if (frame.ParentFrame is null)
            {
                Add(name, $"navigated to {frame.Url}");
            }
        };
        page.WebSocket += (_, socket) => socket.Close += (_, _) => Add(name, $"web socket closed: {socket.Url}");
    }

    /// <summary>A logger provider for the server: warnings and errors only, with their exceptions.</summary>
    public ILoggerProvider LoggerProvider() => new ServerLog(this);

    public void WriteTo(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            output.WriteLine($"Run record: {lines.Count} lines{(dropped > 0 ? $", {dropped} more dropped" : "")}");
            foreach (var line in lines)
            {
                output.WriteLine(line);
            }
        }
        catch (InvalidOperationException)
        {
            // No test is running any more (the output helper refuses late writes): nothing to report to.
        }
    }

    private sealed class ServerLog(RunRecord record) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(record, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RunRecord record, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                record.Add($"server {logLevel} {category}", formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception));
            }
        }
    }
}
