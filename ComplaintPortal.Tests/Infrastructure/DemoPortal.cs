namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// The portal as a demonstration starts it: a Development portal with its demo people and demo cases, on Monday 2026-03-02
/// 09:30 in Shanghai.
/// </summary>
/// <remarks>
/// Seeding the demo's cases through the real services took 15–18 s of a core, and five tests started a demo portal, each
/// seeding its own. The first start's folder (its database, evidence, outbox and ledger digests) is kept once per run, and
/// <see cref="Start"/> copies it: the copy starts as a restart of that portal does, finding its cases there and adding none.
/// </remarks>
public static class DemoPortal
{
    /// <summary>Monday 2026-03-02 09:30 in Shanghai: the previous month is February.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<string> Template = new(SeedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A demo portal of its own (not yet started), on a copy of the first demo start's folder.</summary>
    public static PortalAppFactory Start() => Configured(new PortalAppFactory(TestDatabase.CopyOf(Template.Value), DemoTime(), ownsDatabase: true));

    private static SettableTimeProvider DemoTime() => new(Now);

    private static PortalAppFactory Configured(PortalAppFactory app)
    {
        app.Settings["Demo:SeedCases"] = "true";
        return app;
    }

    private static string SeedTemplate()
    {
        var database = TestDatabase.WithSchema();
        using (var first = Configured(new PortalAppFactory(database, time: DemoTime())))
        {
            _ = first.Services; // starts the portal, which seeds the demo
        }

        database.ClosePooledConnections();
        if (File.Exists(database.FilePath + "-wal"))
        {
            throw new InvalidOperationException($"{database.FilePath}-wal is left after the demo's first start; the copies would be incomplete.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.Dispose();
        return database.Folder;
    }
}
