using ComplaintPortal.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ComplaintPortal.Tests.Components.Shared;

/// <summary>Shared markup: built once per key, handed out again on every later ask, and bounded.</summary>
public sealed class MarkupMemoTests
{
    private int builds;

    [Fact]
    public void Markup_is_built_once_per_key_and_the_same_string_handed_to_every_asker()
    {
        var memo = new MarkupMemo<int>(limit: 4);

        var first = memo.Get(1, Build);
        var again = memo.Get(1, Build);

        Assert.Equal(1, builds);
        Assert.Same(first.Value, again.Value);
    }

    [Fact]
    public void A_memo_at_its_limit_empties_before_it_adds_the_next_key()
    {
        var memo = new MarkupMemo<int>(limit: 2);

        memo.Get(1, Build);
        memo.Get(2, Build);
        memo.Get(2, Build); // a hit at the limit keeps what is there
        memo.Get(3, Build); // a miss at the limit empties it
        memo.Get(1, Build); // so 1 is built again

        Assert.Equal(4, builds);
    }

    /// <summary>Builds a key's markup and counts each build.</summary>
    private MarkupString Build(int key)
    {
        builds++;
        return new MarkupString("<b>" + key.ToString(System.Globalization.CultureInfo.InvariantCulture) + "</b>");
    }
}
