using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>The intake form's fields; the domain validates (the same rules as the JSON API). Times are wall-clock in the organisation's zone.</summary>
public sealed class IntakeInput
{
    /// <summary>Generated when the form is first shown; a second submission of the same form finds the first case.</summary>
    public string Key { get; set; } = "";

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? CustomerGroup { get; set; }

    public string? ProductModel { get; set; }

    public string? Batch { get; set; }

    public DateTime? PurchaseDate { get; set; }

    public string? OrderNumber { get; set; }

    public string? Location { get; set; }

    public string? Facility { get; set; }

    public ComplaintChannel? Channel { get; set; }

    public DateTime? ReceivedAt { get; set; }

    public string? Description { get; set; }

    public string? CustomerRequest { get; set; }

    public bool Confirmed { get; set; }

    public IntakeRequest ToRequest(OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new()
        {
            ReceivedAt = WallClock.ToInstant(ReceivedAt, clock),
            Channel = Channel,
            Complainant = new() { Name = Name ?? "", Phone = Phone, Email = Email, Address = Address, CustomerGroup = CustomerGroup },
            Subject = new()
            {
                ProductModel = Blank(ProductModel), Batch = Blank(Batch), PurchaseDate = PurchaseDate is { } bought ? DateOnly.FromDateTime(bought) : null,
                OrderNumber = Blank(OrderNumber), Location = Blank(Location), Facility = Blank(Facility),
            },
            Description = Description ?? "",
            CustomerRequest = Blank(CustomerRequest),
            ConfirmedWithCaller = Confirmed,
            IdempotencyKey = string.IsNullOrEmpty(Key) ? null : "form:" + Key,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
