namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// A search a person keeps under a name of their own (常用查询), as the search page's address holds it (the words, filters
/// and order: <c>?q=空调&amp;stage=InDepartments&amp;sort=due</c>), to run again in one click. Only its owner sees it.
/// </summary>
public sealed class SavedSearch
{
    public const int NameLength = 40;

    public const int QueryLength = 1000;

    /// <summary>How many a person may keep: a row of them above the search, not a second list to manage.</summary>
    public const int PerPerson = 12;

    private SavedSearch()
    {
    }

    public SavedSearch(string userId, string name, string query, DateTimeOffset createdAt)
    {
        UserId = userId;
        Name = name;
        Query = query;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The search page's query string, with its leading <c>?</c>; read again through the page's own rules when run.</summary>
    public string Query { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
