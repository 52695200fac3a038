using ComplaintPortal.Domain.Board;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Board;

/// <summary>Localized names of the board's own vocabulary.</summary>
internal static class BoardLabels
{
    public static string State(DeadlineState state) => state switch
    {
        DeadlineState.None => "",
        DeadlineState.OnTrack => BoardText.Board_State_OnTrack,
        DeadlineState.DueSoon => BoardText.Board_State_DueSoon,
        DeadlineState.Overdue => BoardText.Board_State_Overdue,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Sort(BoardSort sort) => sort switch
    {
        BoardSort.Deadline => BoardText.Board_Sort_Deadline,
        BoardSort.Received => BoardText.Board_Sort_Received,
        BoardSort.CaseNumber => BoardText.Board_Sort_Number,
        BoardSort.TimeInStage => BoardText.Board_Sort_TimeInStage,
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };
}
