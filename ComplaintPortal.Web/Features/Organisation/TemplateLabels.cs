using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Organisation;

/// <summary>What the administrator edits in a template.</summary>
public sealed class TemplateInput
{
    public MessageKind Kind { get; set; }

    public string Language { get; set; } = "zh-Hans";

    public ReplyChannel? Channel { get; set; }

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";
}

/// <summary>Words for a template's purpose, language and channel.</summary>
public static class TemplateLabels
{
    public static string Kind(MessageKind kind) => kind switch
    {
        MessageKind.Acknowledgement => OrganisationText.MessageKind_Acknowledgement,
        MessageKind.PromisedTime => OrganisationText.MessageKind_PromisedTime,
        MessageKind.Reply => OrganisationText.MessageKind_Reply,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Language(string language) => language switch
    {
        "zh-Hans" => OrganisationText.Language_ZhHans,
        "zh-Hant" => OrganisationText.Language_ZhHant,
        "en" => OrganisationText.Language_En,
        _ => language,
    };

    public static string Channel(ReplyChannel? channel) => channel is { } c ? CaseLabels.ReplyChannel(c) : OrganisationText.Template_AnyChannel;
}
