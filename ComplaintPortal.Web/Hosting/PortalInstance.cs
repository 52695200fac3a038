namespace ComplaintPortal.Web.Hosting;

/// <summary>This running instance of the portal, as it names itself to the others in the database it shares with them
/// (<see cref="Domain.Persistence.JobLease"/>): the machine, the process and a random part, so a restarted process is new.</summary>
public sealed class PortalInstance(string id)
{
    public PortalInstance()
        : this($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}")
    {
    }

    public string Id { get; } = id;
}
