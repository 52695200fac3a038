namespace ComplaintPortal.Domain.Ledger;

/// <summary>
/// The database's own refusal to change ledger rows, for anything that bypasses EF Core: the Cases
/// migration of each provider creates triggers on <see cref="Table"/> that raise on UPDATE and DELETE
/// (SQLite: LedgerEvents_NoUpdate / LedgerEvents_NoDelete; SQL Server: LedgerEvents_AppendOnly).
/// A later migration that rebuilds this table in SQLite must re-create them.
/// </summary>
public static class LedgerTriggers
{
    public const string Table = "LedgerEvents";

    public static IReadOnlyList<string> SqliteTriggerNames { get; } = ["LedgerEvents_NoUpdate", "LedgerEvents_NoDelete"];
}
