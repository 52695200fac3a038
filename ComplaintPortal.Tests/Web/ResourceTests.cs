using System.Text.RegularExpressions;
using System.Xml.Linq;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Web;

public partial class ResourceTests
{
    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourceFolder(), "*.resx").Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_string_exists_in_all_three_languages_with_the_same_placeholders(string resource)
    {
        var english = Load(resource, "");
        foreach (var culture in new[] { ".zh-Hans", ".zh-Hant" })
        {
            var translated = Load(resource, culture);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, text) in translated)
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{resource}{culture}: {key} is empty");
                Assert.Equal(Placeholders(english[key]), Placeholders(text));
            }
        }
    }

    private static Dictionary<string, string> Load(string resource, string culture) =>
        XDocument.Load(Path.Combine(ResourceFolder(), resource + culture + ".resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string ResourceFolder() => Path.Combine(RepositoryFolder.Find()!, "ComplaintPortal.Web", "Resources");

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
