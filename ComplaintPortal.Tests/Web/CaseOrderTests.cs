using ComplaintPortal.Web.Features.Cases;

namespace ComplaintPortal.Tests.Web;

/// <summary>A case list's order in an address: read back as written, and only for the columns that sort.</summary>
public sealed class CaseOrderTests
{
    [Theory]
    [InlineData("due", nameof(CaseRow.NextDue), false)]
    [InlineData("-received", nameof(CaseRow.ReceivedAt), true)]
    [InlineData("Number", nameof(CaseRow.CaseNumber), false)]
    [InlineData("-priority", nameof(CaseRow.Priority), true)]
    public void An_address_value_reads_as_its_column_and_direction_and_writes_back(string value, string column, bool descending)
    {
        var order = CaseOrder.Read(value);

        Assert.Equal(new CaseOrder(column, descending), order);
        Assert.Equal(value.ToLowerInvariant(), order!.Value);
        Assert.Equal(order, CaseOrder.Of(column, descending));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("name")]
    [InlineData("Description")]
    public void A_value_for_no_sortable_column_is_no_order(string? value) => Assert.Null(CaseOrder.Read(value));

    [Fact]
    public void The_order_replaces_the_one_in_the_address_and_keeps_the_rest()
    {
        var byNumber = CaseOrder.Read("-number");

        Assert.Equal("/cases/search?q=%E6%BC%8F%E7%94%B5&sort=-number", CaseOrder.In("/cases/search?q=%E6%BC%8F%E7%94%B5&sort=due", byNumber));
        Assert.Equal("/cases/queue", CaseOrder.In("/cases/queue?sort=due", null));
        Assert.Equal("/cases/queue?sort=due", CaseOrder.In(CaseRoutes.Queue, CaseOrder.Read(CaseRoutes.QueueByDue)));
        Assert.Null(CaseOrder.Of(nameof(CaseRow.Name), false));
    }
}
