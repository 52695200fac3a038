using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>The registration record as other systems send it (JSON); the same validation as the intake page.</summary>
public sealed record IntakeApiRequest(
    DateTimeOffset? ReceivedAt, string? Channel, Complainant? Complainant, ComplaintSubject? Subject,
    string? Description, string? CustomerRequest, bool ConfirmedWithCaller);

public sealed record IntakeApiResponse(int Id, string CaseNumber, string Stage);

/// <summary>
/// POST /api/complaints for hotline systems, web forms and apps. A retry with the same
/// <c>Idempotency-Key</c> header returns the case created the first time (200) instead of a second one (201).
/// </summary>
internal static class IntakeApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/complaints")
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.IntakeClerk })
            // A JSON caller gets its 401/403/404 as is, not re-executed into an HTML page.
            .WithMetadata(new SkipStatusCodePages())
            // The body is read by hand (IntakeApiBody), so the framework no longer sees a JSON API here:
            // say so, or a refused caller would be redirected to the sign-in page instead of getting 401/403.
            .DisableCookieRedirect();
        group.MapPost("/", RegisterAsync);
        return endpoints;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, CaseUsers users, ComplaintIntake intake, CancellationToken ct)
    {
        var user = await users.FindAsync(http.User, ct);
        if (user is null)
        {
            return TypedResults.Forbid();
        }

        var read = await IntakeApiBody.ReadAsync<IntakeApiRequest>(http.Request, ct);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var body = read.Value!;
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 100)
        {
            return ValidationProblem(new() { [IdempotencyHeader] = [Resources.CaseText.Api_IdempotencyKeyTooLong] });
        }

        var request = new IntakeRequest
        {
            ReceivedAt = body.ReceivedAt,
            // By name only: Enum.TryParse would also take "99" or "Online,Hotline" (numbers and flag combinations).
            Channel = Enum.GetValues<ComplaintChannel>().Select(c => (ComplaintChannel?)c)
                .FirstOrDefault(c => string.Equals(c.ToString(), body.Channel, StringComparison.OrdinalIgnoreCase)),
            Complainant = body.Complainant ?? new(),
            Subject = body.Subject ?? new(),
            Description = body.Description ?? "",
            CustomerRequest = body.CustomerRequest,
            ConfirmedWithCaller = body.ConfirmedWithCaller,
            // Keys are per caller, so two systems using the same key never see each other's cases.
            IdempotencyKey = key.Length == 0 ? null : $"api:{user.UserId}:{key}",
        };
        var result = await intake.RegisterAsync(request, user, ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Error == IntakeError.NotPermitted))
            {
                return TypedResults.Forbid();
            }

            return ValidationProblem(result.Errors
                .GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => CaseLabels.Error(e)).ToArray()));
        }

        var complaint = result.Complaint!;
        var response = new IntakeApiResponse(complaint.Id, complaint.CaseNumber, complaint.Stage.ToString());
        return result.Created
            ? TypedResults.Created(CaseRoutes.Case(complaint.CaseNumber), response)
            : TypedResults.Ok(response);
    }

    /// <summary>A problem document whose <c>errors</c> are keyed by the refused field, in the caller's language.</summary>
    public static IResult ValidationProblem(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: Resources.InputText.Problem_Title);
}

internal sealed class SkipStatusCodePages : Microsoft.AspNetCore.Http.Metadata.ISkipStatusCodePagesMetadata;
