using ComplaintPortal.Domain.Validation;

namespace ComplaintPortal.Tests.Validation;

public class TextRulesTests
{
    [Theory]
    [InlineData("王小明\t")]
    [InlineData("王小明\r\n李")]
    [InlineData("王\u0007小明")]
    [InlineData("王\u0000")]
    [InlineData("王\u2028明")]
    [InlineData("王\u0085明")]
    public void One_line_field_refuses_line_breaks_tabs_and_control_characters(string name) =>
        Assert.Equal(InputProblem.ControlCharacters, TextRules.Check(name, 100, TextShape.SingleLine));

    [Fact]
    public void Multi_line_text_keeps_line_breaks_and_tabs_but_refuses_other_control_characters()
    {
        Assert.Equal(InputProblem.None, TextRules.Check("第一行\r\n第二行\t缩进", 4000, TextShape.MultiLine));
        Assert.Equal(InputProblem.ControlCharacters, TextRules.Check("第一行\u001b[31m", 4000, TextShape.MultiLine));
    }

    [Fact]
    public void Ideographic_space_and_characters_outside_the_basic_plane_are_ordinary_text()
    {
        Assert.Equal(InputProblem.None, TextRules.Check("王\u3000小明 𠀋", 100, TextShape.SingleLine));
    }

    [Fact]
    public void Broken_utf16_and_non_characters_are_refused()
    {
        // Built in code: theory data would be serialized and the lone surrogates replaced on the way.
        string[] texts = ["\uD83D", "a\uDE00b", "\uFFFE"];
        Assert.All(texts, text => Assert.Equal(InputProblem.ControlCharacters, TextRules.Check(text, 100, TextShape.MultiLine)));
    }

    [Fact]
    public void Text_longer_than_its_column_is_refused_not_cut()
    {
        Assert.Equal(InputProblem.TooLong, TextRules.Check(new string('x', 4001), 4000, TextShape.MultiLine));
        Assert.Equal(InputProblem.None, TextRules.Check(new string('x', 4000), 4000, TextShape.MultiLine));
    }

    [Fact]
    public void A_name_from_the_identity_provider_is_made_one_plain_line_that_fits()
    {
        Assert.Equal("王 小明", TextRules.ToOneLine("王\n小明\u0007", 100));
        Assert.Equal("ab", TextRules.ToOneLine("ab𠀋", 3));
    }
}
