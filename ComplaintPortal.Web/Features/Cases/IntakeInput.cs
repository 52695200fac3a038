using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>The intake form's fields; the domain validates (the same rules as the JSON API).</summary>
public sealed class IntakeInput
{
    /// <summary>Generated when the form is first shown; a second post of the same form finds the first case.</summary>
    public string Key { get; set; } = "";

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? CustomerGroup { get; set; }

    public string? ProductModel { get; set; }

    public string? Batch { get; set; }

    public DateOnly? PurchaseDate { get; set; }

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
            ReceivedAt = ReceivedAt is { } local
                ? new DateTimeOffset(local, clock.TimeZone.GetUtcOffset(local)).ToUniversalTime()
                : null,
            Channel = Channel,
            Complainant = new() { Name = Name ?? "", Phone = Phone, Email = Email, Address = Address, CustomerGroup = CustomerGroup },
            Subject = new() { ProductModel = ProductModel, Batch = Batch, PurchaseDate = PurchaseDate, OrderNumber = OrderNumber, Location = Location, Facility = Facility },
            Description = Description ?? "",
            CustomerRequest = CustomerRequest,
            ConfirmedWithCaller = Confirmed,
            IdempotencyKey = string.IsNullOrEmpty(Key) ? null : "form:" + Key,
        };
    }
}
