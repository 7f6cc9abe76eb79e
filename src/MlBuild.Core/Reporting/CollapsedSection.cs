using System.Globalization;
using System.Text;

namespace MlBuild.Core.Reporting;

/// <summary>
/// A &lt;details&gt; block of a model's section: its one-line summary is always visible, the rest opens on a click.
/// Its items (table rows, list items) are what a report over the size budget shortens first, whole lines at a
/// time, saying how many were left out. The blank line after &lt;/summary&gt; is what makes GitHub render the
/// markdown inside.
/// </summary>
internal sealed class CollapsedSection
{
    private readonly string _summary;
    private readonly string _head;
    private readonly IReadOnlyList<string> _items;
    private readonly string _itemsNoun;
    private readonly bool _open;
    private readonly Dictionary<int, string> _rendered = [];

    /// <param name="name">What the section is, in markdown, for the line that says it was not shown.</param>
    /// <param name="summary">The visible line, HTML-escaped already (<see cref="MarkdownText.EscapeHtml"/>).</param>
    /// <param name="head">Markdown before the items (an intro, a table's header), or the whole content.</param>
    /// <param name="items">Whole lines, each ending with a line break.</param>
    /// <param name="itemsNoun">What an item is, for "… 3 more rows not shown".</param>
    /// <param name="open">Open from the start: for what a reviewer of a failing model should see first.</param>
    public CollapsedSection(string name, string summary, string head, IReadOnlyList<string>? items = null,
        string itemsNoun = "rows", bool open = false)
    {
        Name = name;
        _summary = summary;
        _head = head;
        _items = items ?? [];
        _itemsNoun = itemsNoun;
        _open = open;
    }

    public string Name { get; }

    public int ItemCount => _items.Count;

    /// <summary>The block with at most <paramref name="maxItems"/> items.</summary>
    public string Render(int maxItems)
    {
        var shown = Math.Min(maxItems, _items.Count);
        if (_rendered.TryGetValue(shown, out var text))
            return text;
        var block = new StringBuilder();
        block.Append(_open ? "<details open>" : "<details>").Append("<summary>").Append(_summary).Append("</summary>\n\n");
        block.Append(_head);
        for (var i = 0; i < shown; i++)
            block.Append(_items[i]);
        block.Append('\n');
        if (shown < _items.Count)
            block.Append("*… ").Append((_items.Count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more ")
                .Append(_itemsNoun).Append(" not shown to fit the size limit; the full results are in evaluation.json.*\n\n");
        block.Append("</details>\n\n");
        return _rendered[shown] = block.ToString();
    }

    public int HiddenItems(int maxItems) => Math.Max(0, _items.Count - maxItems);
}
