namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder holding ComplaintPortal.sln, found upwards from the test assembly.</summary>
public static class RepositoryFolder
{
    /// <summary>The checkout's folder, or none when the tests run outside one (a copied test assembly).</summary>
    public static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ComplaintPortal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
