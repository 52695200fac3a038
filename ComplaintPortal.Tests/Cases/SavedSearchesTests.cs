using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Cases;

/// <summary>A person's kept searches: theirs alone, one name once, a bounded row of them, and nothing kept that asks nothing.</summary>
public sealed class SavedSearchesTests : CaseDatabaseTest
{
    private async Task<SavedSearchOutcome> SaveAsync(Domain.Workflow.ActingUser user, string? name, string? query)
    {
        await using var db = Database.CreateContext();
        return await new SavedSearches(db).SaveAsync(user, name, query, Driver.Time.GetUtcNow());
    }

    private async Task<IReadOnlyList<SavedSearch>> ListAsync(Domain.Workflow.ActingUser user)
    {
        await using var db = Database.CreateContext();
        return await new SavedSearches(db).ListAsync(user);
    }

    [Fact]
    public async Task A_search_is_kept_under_its_trimmed_name_for_its_owner_only_in_the_order_kept()
    {
        var handler = Driver.HandlerOf(DepartmentCatalog.Quality);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);

        Assert.Equal(SavedSearchOutcome.Saved, await SaveAsync(handler, "  漏电投诉 ", "?q=%E6%BC%8F%E7%94%B5&sort=due"));
        Assert.Equal(SavedSearchOutcome.Saved, await SaveAsync(handler, "待处理", "?stage=InDepartments"));
        // Another person may use the same name.
        Assert.Equal(SavedSearchOutcome.Saved, await SaveAsync(head, "漏电投诉", "?q=%E6%BC%8F%E7%94%B5"));

        var kept = await ListAsync(handler);
        Assert.Equal(["漏电投诉", "待处理"], kept.Select(s => s.Name));
        Assert.Equal("?q=%E6%BC%8F%E7%94%B5&sort=due", kept[0].Query);
        Assert.Equal(Driver.Time.GetUtcNow(), kept[0].CreatedAt);
        Assert.Equal(["漏电投诉"], (await ListAsync(head)).Select(s => s.Name));
    }

    [Fact]
    public async Task A_name_taken_missing_or_too_long_a_search_asking_nothing_and_one_too_many_are_refused()
    {
        var handler = Driver.HandlerOf(DepartmentCatalog.Quality);
        Assert.Equal(SavedSearchOutcome.Saved, await SaveAsync(handler, "漏电", "?q=1"));

        Assert.Equal(SavedSearchOutcome.NameTaken, await SaveAsync(handler, " 漏电", "?q=2"));
        Assert.Equal(SavedSearchOutcome.NameMissing, await SaveAsync(handler, "  ", "?q=2"));
        Assert.Equal(SavedSearchOutcome.NameMissing, await SaveAsync(handler, new string('名', SavedSearch.NameLength + 1), "?q=2"));
        Assert.Equal(SavedSearchOutcome.NothingAsked, await SaveAsync(handler, "全部", ""));
        Assert.Equal(SavedSearchOutcome.NothingAsked, await SaveAsync(handler, "全部", "?"));
        Assert.Equal(SavedSearchOutcome.NothingAsked, await SaveAsync(handler, "长", "?q=" + new string('x', SavedSearch.QueryLength)));

        for (var i = 2; i <= SavedSearch.PerPerson; i++)
        {
            Assert.Equal(SavedSearchOutcome.Saved, await SaveAsync(handler, "查询 " + i, "?q=" + i));
        }

        Assert.Equal(SavedSearchOutcome.TooMany, await SaveAsync(handler, "再一个", "?q=x"));
        Assert.Equal(SavedSearch.PerPerson, (await ListAsync(handler)).Count);
    }

    [Fact]
    public async Task Only_its_owner_removes_a_kept_search_and_the_database_holds_one_name_once()
    {
        var handler = Driver.HandlerOf(DepartmentCatalog.Quality);
        var head = Driver.HeadOf(DepartmentCatalog.Quality);
        await SaveAsync(handler, "漏电", "?q=1");
        var id = (await ListAsync(handler)).Single().Id;

        await using (var db = Database.CreateContext())
        {
            Assert.False(await new SavedSearches(db).DeleteAsync(head, id));
        }

        Assert.Single(await ListAsync(handler));
        await using (var db = Database.CreateContext())
        {
            // Past the service's own check (two pages saving at once): the unique index refuses the second.
            db.SavedSearches.Add(new SavedSearch(handler.UserId, "漏电", "?q=2", Driver.Time.GetUtcNow()));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = Database.CreateContext())
        {
            Assert.True(await new SavedSearches(db).DeleteAsync(handler, id));
        }

        Assert.Empty(await ListAsync(handler));
    }
}
