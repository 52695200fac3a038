using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Validation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Cases;

/// <summary>The registration record as entered by a clerk or sent by another system.</summary>
public sealed record IntakeRequest
{
    public DateTimeOffset? ReceivedAt { get; init; }

    public ComplaintChannel? Channel { get; init; }

    public Complainant Complainant { get; init; } = new();

    public ComplaintSubject Subject { get; init; } = new();

    public string Description { get; init; } = "";

    public string? CustomerRequest { get; init; }

    public bool ConfirmedWithCaller { get; init; }

    /// <summary>The same key again returns the case created the first time.</summary>
    public string? IdempotencyKey { get; init; }
}

public enum IntakeError
{
    None = 0,
    NotPermitted = 1,
    NameRequired = 2,
    ContactRequired = 3,
    DescriptionRequired = 4,
    ChannelRequired = 5,
    ReceivedInFuture = 6,
    TooLong = 7,
    ControlCharacters = 8,

    /// <summary>Received more than <see cref="ComplaintIntake.MaxBackdating"/> ago: a mistyped year, not a late registration.</summary>
    ReceivedTooLongAgo = 9,

    /// <summary>The phone holds something other than a number (digits with the usual separators, an extension).</summary>
    PhoneInvalid = 10,

    /// <summary>The e-mail is not an address (name@domain).</summary>
    EmailInvalid = 11,

    /// <summary>The product was bought after the complaint about it was received: a mistyped date.</summary>
    PurchaseAfterReceipt = 12,
}

/// <summary>One reason a registration was refused, and the field (as the JSON API names it) it concerns.</summary>
public sealed record IntakeProblem(IntakeError Error, string Field, int? MaxLength = null);

/// <param name="Created">False when an earlier submission with the same idempotency key already made the case.</param>
public sealed record IntakeResult(Complaint? Complaint, bool Created, IReadOnlyList<IntakeProblem> Errors)
{
    public bool Succeeded => Complaint is not null;
}

/// <summary>Registers complaints (受理登記): validates, numbers, stores and writes the first ledger event.</summary>
public sealed class ComplaintIntake(PortalDbContext db, TimeProvider time, CaseNumberPolicy numbering)
{
    private const int MaxAttempts = 5;

    /// <summary>How far back a registration may date its receipt (a complaint written down late, not in another year).</summary>
    public static readonly TimeSpan MaxBackdating = TimeSpan.FromDays(90);

    /// <summary>Field names as the JSON API spells them; the intake page maps them to its labels.</summary>
    public static class Fields
    {
        public const string ReceivedAt = "receivedAt";
        public const string Channel = "channel";
        public const string Complainant = "complainant";
        public const string Name = "complainant.name";
        public const string Phone = "complainant.phone";
        public const string Email = "complainant.email";
        public const string Address = "complainant.address";
        public const string CustomerGroup = "complainant.customerGroup";
        public const string ProductModel = "subject.productModel";
        public const string Batch = "subject.batch";
        public const string OrderNumber = "subject.orderNumber";
        public const string Location = "subject.location";
        public const string Facility = "subject.facility";
        public const string PurchaseDate = "subject.purchaseDate";
        public const string Description = "description";
        public const string CustomerRequest = "customerRequest";
        public const string IdempotencyKey = "idempotencyKey";
    }

    public static IReadOnlyList<IntakeProblem> Validate(IntakeRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<IntakeProblem>();
        var person = request.Complainant ?? new();
        var subject = request.Subject ?? new();
        if (string.IsNullOrWhiteSpace(person.Name))
        {
            errors.Add(new(IntakeError.NameRequired, Fields.Name));
        }

        if (string.IsNullOrWhiteSpace(person.Phone) && string.IsNullOrWhiteSpace(person.Email) && string.IsNullOrWhiteSpace(person.Address))
        {
            errors.Add(new(IntakeError.ContactRequired, Fields.Complainant));
        }

        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors.Add(new(IntakeError.DescriptionRequired, Fields.Description));
        }

        if (request.Channel is null || !Enum.IsDefined(request.Channel.Value))
        {
            errors.Add(new(IntakeError.ChannelRequired, Fields.Channel));
        }

        if (request.ReceivedAt > now.AddMinutes(5))
        {
            errors.Add(new(IntakeError.ReceivedInFuture, Fields.ReceivedAt));
        }
        else if (request.ReceivedAt < now - MaxBackdating)
        {
            errors.Add(new(IntakeError.ReceivedTooLongAgo, Fields.ReceivedAt));
        }

        // The day is the organisation's, the receipt an instant: a day's grace covers every time zone, so a purchase
        // on the day of the complaint is never refused.
        if (subject.PurchaseDate is { } bought && bought > DateOnly.FromDateTime((request.ReceivedAt ?? now).UtcDateTime).AddDays(1))
        {
            errors.Add(new(IntakeError.PurchaseAfterReceipt, Fields.PurchaseDate));
        }

        var text = new List<FieldError>();
        TextRules.Check(text, Fields.Name, person.Name, Complainant.NameMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.Phone, person.Phone, Complainant.PhoneMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.Email, person.Email, Complainant.EmailMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.Address, person.Address, Complainant.AddressMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.CustomerGroup, person.CustomerGroup, Complainant.GroupMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.ProductModel, subject.ProductModel, ComplaintSubject.FieldMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.Batch, subject.Batch, ComplaintSubject.FieldMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.OrderNumber, subject.OrderNumber, ComplaintSubject.FieldMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.Location, subject.Location, ComplaintSubject.FieldMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.Facility, subject.Facility, ComplaintSubject.FieldMaxLength, TextShape.SingleLine);
        TextRules.Check(text, Fields.Description, request.Description, Complaint.TextMaxLength, TextShape.MultiLine);
        TextRules.Check(text, Fields.CustomerRequest, request.CustomerRequest, Complaint.TextMaxLength, TextShape.MultiLine);
        TextRules.Check(text, Fields.IdempotencyKey, request.IdempotencyKey, Complaint.IdempotencyKeyMaxLength, TextShape.SingleLine);
        errors.AddRange(text.Select(f => new IntakeProblem(
            f.Problem == InputProblem.TooLong ? IntakeError.TooLong : IntakeError.ControlCharacters, f.Field, f.MaxLength)));

        // A value already refused for its length or characters is not judged again for its form.
        if (!string.IsNullOrWhiteSpace(person.Phone) && text.All(f => f.Field != Fields.Phone) && !ContactForms.IsPhone(person.Phone))
        {
            errors.Add(new(IntakeError.PhoneInvalid, Fields.Phone));
        }

        if (!string.IsNullOrWhiteSpace(person.Email) && text.All(f => f.Field != Fields.Email) && !ContactForms.IsEmail(person.Email))
        {
            errors.Add(new(IntakeError.EmailInvalid, Fields.Email));
        }

        return errors;
    }

    public async Task<IntakeResult> RegisterAsync(IntakeRequest request, ActingUser clerk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clerk);
        if (!clerk.IsInRole(PortalRoles.IntakeClerk))
        {
            return new(null, false, [new(IntakeError.NotPermitted, "")]);
        }

        var now = time.GetUtcNow();
        var errors = Validate(request, now);
        if (errors.Count > 0)
        {
            return new(null, false, errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await FindByKeyAsync(request.IdempotencyKey, cancellationToken) is { } existing)
            {
                return new(existing, false, []);
            }

            try
            {
                return new(await CreateAsync(request, clerk, now, cancellationToken), true, []);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && SaveConflicts.IsLostRace(ex))
            {
                // Another registration took the same number or the same idempotency key first:
                // start again, which either finds that case or draws the next number.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Complaint> CreateAsync(IntakeRequest request, ActingUser clerk, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var year = TimeZoneInfo.ConvertTime(now, numbering.TimeZone).Year;
        var counter = await db.CaseNumberCounters.FirstOrDefaultAsync(c => c.Year == year, ct);
        if (counter is null)
        {
            counter = new CaseNumberCounter(year);
            db.CaseNumberCounters.Add(counter);
        }

        var number = CaseNumber.Format(numbering.Prefix, year, counter.Next());
        var complaint = new Complaint(number, request.ReceivedAt ?? now, request.Channel!.Value, Trim(request.Complainant),
            Trim(request.Subject ?? new()), request.Description.Trim(), request.CustomerRequest?.Trim(), request.ConfirmedWithCaller,
            clerk.UserId, clerk.Name, now, request.IdempotencyKey);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        await new CaseDeadlines(db, WorkingCalendarCache.Shared).StartAsync(complaint, ct);

        var chain = LedgerChain.Open(db, complaint);
        chain.Append(now, clerk.UserId, clerk.Name, clerk.DepartmentId, nameof(WorkflowAction.Register), null,
            nameof(CaseStage.Registered), $"{number}; channel={complaint.Channel}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return complaint;
    }

    private async Task<Complaint?> FindByKeyAsync(string? key, CancellationToken ct) =>
        string.IsNullOrEmpty(key) ? null : await db.Complaints.FirstOrDefaultAsync(c => c.IdempotencyKey == key, ct);

    private static Complainant Trim(Complainant c) => c with
    {
        Name = c.Name.Trim(),
        Phone = Blank(c.Phone),
        Email = Blank(c.Email),
        Address = Blank(c.Address),
        CustomerGroup = Blank(c.CustomerGroup),
    };

    /// <summary>Values trimmed and blanks left out, so the statistics group what the clerks typed, not their spaces.</summary>
    private static ComplaintSubject Trim(ComplaintSubject s) => s with
    {
        ProductModel = Blank(s.ProductModel),
        Batch = Blank(s.Batch),
        OrderNumber = Blank(s.OrderNumber),
        Location = Blank(s.Location),
        Facility = Blank(s.Facility),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>How case numbers look: prefix and the time zone whose calendar year starts a new sequence.</summary>
public sealed record CaseNumberPolicy(string Prefix, TimeZoneInfo TimeZone)
{
    public static CaseNumberPolicy Default { get; } = new(CaseNumber.DefaultPrefix, TimeZoneInfo.Utc);
}
