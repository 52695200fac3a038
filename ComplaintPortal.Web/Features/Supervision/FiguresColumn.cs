namespace ComplaintPortal.Web.Features.Supervision;

/// <summary>The columns the figures' tables by department and by handler sort by.</summary>
public enum FiguresColumn
{
    Name = 0,
    Department = 1,
    Handled = 2,
    OnTime = 3,
    Satisfaction = 4,
    ReopenRate = 5,
    CheckPass = 6,
    NoticesIssued = 7,
    NoticesClosed = 8,
    NoticesOverdue = 9,
}
