namespace ComplaintPortal.Web.Features.Archive;

/// <summary>What a leader decided in <see cref="DecisionDialog"/>.</summary>
public sealed record AccessDecision(bool Approve, IReadOnlyList<string>? Numbers, DateTimeOffset? From, DateTimeOffset? Until, string? Reason);
