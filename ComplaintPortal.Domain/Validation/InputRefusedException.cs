namespace ComplaintPortal.Domain.Validation;

/// <summary>
/// A value reached the store that the door should have refused: the save is abandoned whole, so nothing
/// is stored half-way. Callers that validate first never see it; the Web answers it with a 400, not a 500.
/// </summary>
public sealed class InputRefusedException : InvalidOperationException
{
    public InputRefusedException()
        : this([])
    {
    }

    public InputRefusedException(string message)
        : base(message)
    {
        Errors = [];
    }

    public InputRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public InputRefusedException(IReadOnlyList<FieldError> errors)
        : base("Refused input: " + string.Join(", ", (errors ?? []).Select(e => $"{e.Field} {e.Problem}")))
    {
        Errors = errors ?? [];
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
