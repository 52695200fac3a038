using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

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
            .WithMetadata(new SkipStatusCodePages());
        group.MapPost("/", RegisterAsync);
        return endpoints;
    }

    private static async Task<Results<Created<IntakeApiResponse>, Ok<IntakeApiResponse>, ValidationProblem, ForbidHttpResult>> RegisterAsync(
        IntakeApiRequest body, HttpContext http, CaseUsers users, ComplaintIntake intake, CancellationToken ct)
    {
        var user = await users.FindAsync(http.User, ct);
        if (user is null)
        {
            return TypedResults.Forbid();
        }

        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyHeader] = [Resources.CaseText.Api_IdempotencyKeyTooLong] });
        }

        var request = new IntakeRequest
        {
            ReceivedAt = body.ReceivedAt,
            Channel = Enum.TryParse<ComplaintChannel>(body.Channel, ignoreCase: true, out var channel) ? channel : null,
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
            if (result.Errors.Contains(IntakeError.NotPermitted))
            {
                return TypedResults.Forbid();
            }

            return TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.ToString(), e => new[] { CaseLabels.Error(e) }));
        }

        var complaint = result.Complaint!;
        var response = new IntakeApiResponse(complaint.Id, complaint.CaseNumber, complaint.Stage.ToString());
        return result.Created
            ? TypedResults.Created(CaseRoutes.Case(complaint.CaseNumber), response)
            : TypedResults.Ok(response);
    }
}

internal sealed class SkipStatusCodePages : Microsoft.AspNetCore.Http.Metadata.ISkipStatusCodePagesMetadata;
