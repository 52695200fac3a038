using ComplaintPortal.Domain.Board;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>What the change feed reads from the database; each call runs in its own scope (its own DbContext).</summary>
public interface IBoardRowSource
{
    Task<BoardRow?> RowAsync(BoardViewer viewer, int complaintId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<BoardTotals> TotalsAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The current department of each of these accounts (missing: no such account).</summary>
    Task<IReadOnlyDictionary<string, int?>> DepartmentsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);
}

internal sealed class BoardRowSource(IServiceScopeFactory scopes) : IBoardRowSource
{
    public async Task<BoardRow?> RowAsync(BoardViewer viewer, int complaintId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BoardQuery>().RowAsync(viewer, complaintId, now, cancellationToken);
    }

    public async Task<BoardTotals> TotalsAsync(BoardViewer viewer, BoardFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BoardQuery>().TotalsAsync(viewer, filter, now, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int?>> DepartmentsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ids = userIds.ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DepartmentId, cancellationToken);
    }
}
