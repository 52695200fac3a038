using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>The reply to the customer starts from the organisation's template, which leaves the result for the clerk to write.</summary>
public sealed class ReplyStepDialogTests : CasePageTest
{
    [Fact]
    public async Task The_template_sent_untouched_is_stopped_on_the_note_and_goes_once_the_result_is_written()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.Approved);
        var version = (await Driver.LoadAsync(complaint.Id)).Version;
        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<CaseDetail>((nameof(CaseDetail.Number), complaint.CaseNumber));
        cut.WaitForElement("[data-test=primary-action][data-action=Reply]").Click();

        var note = cut.WaitForElement("textarea[data-test=step-note], [data-test=step-note] textarea");
        var draft = note.GetAttribute("value") ?? note.TextContent;
        Assert.Contains(complaint.CaseNumber, draft, StringComparison.Ordinal);
        cut.Find("[data-test=confirm-step]").Click();

        // The field is found again on each check: the render that shows the message may replace the node found before it.
        cut.WaitForAssertion(() => Assert.Contains(CaseText.Step_ReplyUnchanged,
            cut.Find("[data-test=step-note]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(version, (await Driver.LoadAsync(complaint.Id)).Version);

        cut.Find("[data-test=step-note]").Change(draft.Replace("结果如下：", "结果如下：已为您更换新品。", StringComparison.Ordinal));
        cut.Find("[data-test=confirm-step]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=step-dialog]")));
        Assert.Equal(CaseStage.AwaitingCallback, (await Driver.LoadAsync(complaint.Id)).Stage);
    }

    [Theory]
    [InlineData("结果如下：\n\n感谢", "结果如下：\n\n感谢", true)]
    [InlineData("结果如下：\n\n感谢", "结果如下： 感谢 ", true)]
    [InlineData("结果如下：\n\n感谢", "结果如下：已更换新品。\n\n感谢", false)]
    [InlineData(null, "任何文字", false)]
    public void Untouched_means_the_draft_whitespace_aside(string? draft, string text, bool untouched) =>
        Assert.Equal(untouched, ComplaintPortal.Web.Features.Cases.Steps.StepDialog.IsUntouchedDraft(text, draft));
}
