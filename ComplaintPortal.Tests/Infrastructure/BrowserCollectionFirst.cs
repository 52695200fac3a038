using Xunit.Abstractions;

[assembly: TestCollectionOrderer("ComplaintPortal.Tests.Infrastructure.BrowserCollectionFirst", "ComplaintPortal.Tests")]

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>
/// Starts the browser collections first. The first one's tests run one after another, the longest stretch of the run, while
/// every other class shares the runner's second slot; started in the framework's own order it began only after three
/// minutes and then set the end of the whole run. The second (<see cref="LayoutBrowserCollection"/>) holds a long walk
/// taken out of the first, to run in that second slot. The other collections keep their order.
/// </summary>
public sealed class BrowserCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName switch
        {
            BrowserCollection.Name => 0,
            LayoutBrowserCollection.Name => 1,
            _ => 2,
        });
}
