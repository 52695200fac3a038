using ComplaintPortal.Domain.Notifications;

namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>
/// The acknowledgement, promised-time and reply wording every starter begins with, in the three portal
/// languages, naming the regime's own intake office. Placeholders: see <see cref="MessagePlaceholders"/>.
/// </summary>
internal static class StarterTemplates
{
    public static IReadOnlyList<SetupTemplate> For(string officeZhHans, string officeZhHant, string officeEn) =>
    [
        new(MessageKind.Acknowledgement, "zh-Hans", null, "投诉受理通知 {CaseNumber}",
            "尊敬的{CustomerName}：您的投诉已由{Department}受理，编号 {CaseNumber}。我们将调查核实、提出解决方案并回复您，承诺于 {PromisedDate} 前办结。如有疑问，请联系" + officeZhHans + "。感谢您的反馈。"),
        new(MessageKind.Acknowledgement, "zh-Hant", null, "投訴受理通知 {CaseNumber}",
            "尊敬的{CustomerName}：您的投訴已由{Department}受理，編號 {CaseNumber}。我們將調查核實、提出解決方案並回覆您，承諾於 {PromisedDate} 前辦結。如有疑問，請聯繫" + officeZhHant + "。感謝您的反饋。"),
        new(MessageKind.Acknowledgement, "en", null, "Complaint {CaseNumber} received",
            "Dear {CustomerName}, {Department} has received your complaint under number {CaseNumber}. We will investigate, propose a solution and reply, and promise to complete it by {PromisedDate}. Questions: please contact " + officeEn + ". Thank you for telling us."),
        new(MessageKind.PromisedTime, "zh-Hans", null, "投诉办结时间通知 {CaseNumber}",
            "尊敬的{CustomerName}：您的投诉（编号 {CaseNumber}）由{Department}继续处理，承诺办结时间为 {PromisedDate}。给您带来不便，敬请谅解。"),
        new(MessageKind.PromisedTime, "zh-Hant", null, "投訴辦結時間通知 {CaseNumber}",
            "尊敬的{CustomerName}：您的投訴（編號 {CaseNumber}）由{Department}繼續處理，承諾辦結時間為 {PromisedDate}。給您帶來不便，敬請諒解。"),
        new(MessageKind.PromisedTime, "en", null, "Complaint {CaseNumber}: promised date",
            "Dear {CustomerName}, {Department} continues to handle your complaint {CaseNumber} and promises to complete it by {PromisedDate}. We apologise for the inconvenience."),
        new(MessageKind.Reply, "zh-Hans", null, "投诉处理结果 {CaseNumber}",
            "尊敬的{CustomerName}：您的投诉（编号 {CaseNumber}）经{Department}处理，结果如下：\n\n感谢您的反馈，对给您带来的不便深表歉意。"),
        new(MessageKind.Reply, "zh-Hant", null, "投訴處理結果 {CaseNumber}",
            "尊敬的{CustomerName}：您的投訴（編號 {CaseNumber}）經{Department}處理，結果如下：\n\n感謝您的反饋，對給您帶來的不便深表歉意。"),
        new(MessageKind.Reply, "en", null, "Complaint {CaseNumber}: result",
            "Dear {CustomerName}, {Department} has handled your complaint {CaseNumber}. The result:\n\nThank you for telling us, and we apologise for the inconvenience."),
    ];
}
