using ComplaintPortal.Domain.Archive;

namespace ComplaintPortal.Tests.Archive;

/// <summary>The archive browser's order: newest first by default, by archiving order or by retention date either way.</summary>
public sealed class ArchiveCatalogTests : ArchiveTest
{
    [Fact]
    public async Task Files_are_ordered_newest_first_or_by_archiving_order_or_by_retention_date()
    {
        var first = await ArchivedCaseAsync();
        var important = await ArchivedCaseAsync();
        var last = await ArchivedCaseAsync();
        await using var db = Database.CreateContext();
        var catalog = new ArchiveCatalog(db, Driver.Time, Feed);
        Assert.Equal(ArchiveError.None, await catalog.SetImportanceAsync(Driver.Leader, important.ArchiveNumber, ArchiveImportance.Important));

        async Task<string[]> Numbers(ArchiveSort sort, bool descending) =>
            [.. (await catalog.PageAsync(new ArchiveFilter(), 0, 10, sort, descending)).Rows.Select(r => r.ArchiveNumber)];

        Assert.Equal([last.ArchiveNumber, important.ArchiveNumber, first.ArchiveNumber],
            [.. (await catalog.PageAsync(new ArchiveFilter(), 0, 10)).Rows.Select(r => r.ArchiveNumber)]);
        Assert.Equal([first.ArchiveNumber, important.ArchiveNumber, last.ArchiveNumber], await Numbers(ArchiveSort.Archived, descending: false));
        // The important file is kept ten years, the others three: it falls due last.
        Assert.Equal([first.ArchiveNumber, last.ArchiveNumber, important.ArchiveNumber], await Numbers(ArchiveSort.RetainUntil, descending: false));
        Assert.Equal([important.ArchiveNumber, last.ArchiveNumber, first.ArchiveNumber], await Numbers(ArchiveSort.RetainUntil, descending: true));
    }
}
