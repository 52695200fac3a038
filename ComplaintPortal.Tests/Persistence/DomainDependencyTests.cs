using ComplaintPortal.Domain.Persistence;

namespace ComplaintPortal.Tests.Persistence;

public class DomainDependencyTests
{
    // The Identity EF stores are a plain library (no HTTP); everything else of ASP.NET Core stays in Web.
    private static readonly string[] Allowed = ["Microsoft.AspNetCore.Identity.EntityFrameworkCore"];

    [Fact]
    public void Domain_does_not_reference_the_web_framework()
    {
        var references = typeof(PortalDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var web = references.Where(n => n.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && !Allowed.Contains(n)).ToList();

        Assert.Empty(web);
        Assert.DoesNotContain("ComplaintPortal.Web", references);
    }
}
