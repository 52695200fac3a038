using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Archive;

namespace ComplaintPortal.Tests.Web.Archive;

/// <summary>How the archive names a file's class (type / department / year) to the person reading it.</summary>
public sealed class ArchiveNamesTests
{
    [Theory]
    [InlineData("zh-Hans", "未分类 / 未转办部门 / 2026")]
    [InlineData("zh-Hant", "未分類 / 未轉辦部門 / 2026")]
    [InlineData("en", "Unclassified / No department / 2026")]
    public void A_file_closed_before_it_was_classified_or_sent_on_says_so_in_words(string culture, string expected)
    {
        using var ui = new UiCulture(culture);

        Assert.Equal(expected, ArchiveNames.Empty.FileClass(null, null, 2026));
    }
}
