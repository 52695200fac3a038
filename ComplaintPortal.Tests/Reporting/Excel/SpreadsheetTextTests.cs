using ComplaintPortal.Domain.Reporting.Excel;

namespace ComplaintPortal.Tests.Reporting.Excel;

public sealed class SpreadsheetTextTests
{
    [Fact]
    public void Clean_keeps_tab_and_line_breaks_and_drops_other_control_characters()
    {
        Assert.Equal("a\tb\r\nc", SpreadsheetText.Clean("a\tb\r\n\u0000\u0008\u000B\u000C\u001Fc"));
    }

    [Fact]
    public void Clean_replaces_lone_surrogates_and_keeps_pairs()
    {
        Assert.Equal("\uFFFDx😀\uFFFD", SpreadsheetText.Clean("\uDC00x😀\uD83D"));
    }

    [Fact]
    public void Clean_leaves_ordinary_text_as_it_is()
    {
        const string text = "投訴處理 · 質量部 A-1";

        Assert.Same(text, SpreadsheetText.Clean(text));
    }

    [Fact]
    public void Clean_cuts_text_longer_than_a_cell_holds_and_says_so()
    {
        var clean = SpreadsheetText.Clean(new string('字', SpreadsheetText.MaxCellLength + 10));

        Assert.Equal(SpreadsheetText.MaxCellLength, clean.Length);
        Assert.EndsWith("字…", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_never_cuts_between_the_halves_of_a_surrogate_pair()
    {
        var clean = SpreadsheetText.Clean(new string('a', SpreadsheetText.MaxCellLength - 2) + "😀😀");

        Assert.EndsWith("a…", clean, StringComparison.Ordinal);
        Assert.True(clean.Length <= SpreadsheetText.MaxCellLength);
    }

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+x", true)]
    [InlineData("-y", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\t=cmd", true)]
    [InlineData("A-1", false)]
    [InlineData("质量部", false)]
    [InlineData("", false)]
    public void Text_starting_with_a_formula_sign_looks_like_a_formula(string text, bool expected)
    {
        Assert.Equal(expected, SpreadsheetText.LooksLikeFormula(text));
    }

    [Theory]
    [InlineData("Quality", 7)]
    [InlineData("质量部", 6)]
    [InlineData("質量部 QA", 9)]
    [InlineData("ＡＢ", 4)]
    [InlineData("short\nlonger line", 11)]
    public void Display_width_counts_east_asian_characters_double(string text, int expected)
    {
        Assert.Equal(expected, SpreadsheetText.DisplayWidth(text));
    }
}
