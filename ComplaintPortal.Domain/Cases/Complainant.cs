namespace ComplaintPortal.Domain.Cases;

/// <summary>The person complaining (投訴人); confidential personal data, masked for others.</summary>
public sealed record Complainant
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int EmailMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int GroupMaxLength = 100;

    public string Name { get; init; } = "";

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }

    /// <summary>Customer group or tenant unit (客戶群體 / 租戶單位).</summary>
    public string? CustomerGroup { get; init; }
}

/// <summary>What the complaint is about: a product (model, batch, purchase) or a place (location, facility).</summary>
public sealed record ComplaintSubject
{
    public const int FieldMaxLength = 100;

    public string? ProductModel { get; init; }

    public string? Batch { get; init; }

    public DateOnly? PurchaseDate { get; init; }

    public string? OrderNumber { get; init; }

    public string? Location { get; init; }

    public string? Facility { get; init; }
}
