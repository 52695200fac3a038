using System.Text.RegularExpressions;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// Every text field of the portal's pages sets its longest text. A field's whole text goes to the server in one circuit
/// message, SignalR closes the connection on a message over 32 KB, and what was pasted was lost without a word (12,000
/// Chinese characters pasted into the case search dropped the circuit in Chromium). With a length the browser stops at it.
/// </summary>
public sealed partial class InputLimitTests
{
    [Fact]
    public void Every_text_field_on_every_page_sets_its_maximum_length()
    {
        var web = Path.Combine(RepositoryFolder.Find()!, "ComplaintPortal.Web");
        var fields = Directory.GetFiles(web, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => TextField().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetRelativePath(web, file), Tag: m.Value)))
            .ToList();

        // The portal has dozens; a pattern that found none would pass for nothing.
        Assert.True(fields.Count > 50, $"found only {fields.Count} text fields");
        Assert.Empty(fields.Where(f => !f.Tag.Contains("MaxLength=", StringComparison.Ordinal) && !f.Tag.Contains("ReadOnly=\"true\"", StringComparison.Ordinal))
            .Select(f => f.File + ": " + f.Tag[..Math.Min(f.Tag.Length, 120)]));
    }

    /// <summary>A MudTextField's or MudAutocomplete's opening tag, attributes and all (their lambdas hold no "/&gt;").</summary>
    [GeneratedRegex("<Mud(TextField|Autocomplete)\\b.*?(/>|</Mud)", RegexOptions.Singleline)]
    private static partial Regex TextField();
}
