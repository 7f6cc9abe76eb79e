using System.Globalization;

namespace MlBuild.Core.Reporting;

/// <summary>
/// Fits the report into a size budget (a pull-request comment is refused over 65,536 characters) whatever the
/// number of models, by giving up what matters least first:
/// <list type="number">
/// <item>rows inside the collapsed sections (every section keeps its first rows);</item>
/// <item>from the last model up, its collapsed sections, then its runtime, params and data tables: models come
/// failures first, so a failing model keeps its slices and confusion matrix longer than a passing one keeps its
/// latency;</item>
/// <item>then, only for reports far larger than 50 models, metrics tables and whole models.</item>
/// </list>
/// Every piece is a whole block (a table, a &lt;details&gt; element, a code fence), so nothing is ever cut inside a
/// row, a tag or a fence; and the report says what it left out, at the top and where it was.
/// </summary>
internal static class ReportBudget
{
    private static readonly int[] RowLimits = [int.MaxValue, 20, 5];

    /// <summary>What is kept. <c>Rows</c>: the most rows a collapsed section shows. <c>Blocks</c>: how many of the
    /// models' optional blocks, in the order model 1 extras, model 1 details, model 2 extras… <c>Tables</c> and
    /// <c>Models</c>: how many models keep their metrics table, and are shown at all.</summary>
    private sealed record Plan(int Rows, int Blocks, int Tables, int Models)
    {
        public bool KeepsExtras(int model) => 2 * model < Blocks;

        public bool KeepsDetails(int model) => 2 * model + 1 < Blocks;
    }

    public static string Fit(ReportLayout layout, int budget)
    {
        var count = layout.Sections.Count;
        var plan = new Plan(int.MaxValue, 2 * count, count, count);
        foreach (var rows in RowLimits)
        {
            plan = plan with { Rows = rows };
            if (Fits(layout, plan, budget))
                return Compose(layout, plan);
        }
        for (var blocks = 2 * count - 1; blocks >= 0; blocks--)
        {
            plan = plan with { Blocks = blocks };
            if (Fits(layout, plan, budget))
                return Compose(layout, plan);
        }
        for (var tables = count - 1; tables >= 0; tables--)
        {
            plan = plan with { Tables = tables };
            if (Fits(layout, plan, budget))
                return Compose(layout, plan);
        }
        for (var models = count - 1; models >= 0; models--)
        {
            plan = plan with { Models = models };
            if (Fits(layout, plan, budget))
                return Compose(layout, plan);
        }
        return Compose(layout, plan);
    }

    private static bool Fits(ReportLayout layout, Plan plan, int budget)
    {
        var length = 0L;
        foreach (var part in Parts(layout, plan))
        {
            length += part.Length;
            if (length > budget)
                return false;
        }
        return true;
    }

    private static string Compose(ReportLayout layout, Plan plan) => string.Concat(Parts(layout, plan));

    /// <summary>The report under a plan, piece by piece: measured without building it, then joined once.</summary>
    private static IEnumerable<string> Parts(ReportLayout layout, Plan plan)
    {
        var sections = layout.Sections;
        yield return layout.Title;
        if (Note(layout, plan) is { } note)
            yield return note;
        if (layout.OverviewRows.Count > 0)
        {
            yield return layout.OverviewHead;
            foreach (var row in layout.OverviewRows.Take(plan.Models))
                yield return row;
            yield return "\n";
        }
        if (plan.Models < sections.Count)
            yield return $"*… {Count(sections.Count - plan.Models)} more models not shown to fit the size limit; the full results are in evaluation.json.*\n\n";
        yield return layout.Legend;

        for (var i = 0; i < plan.Models; i++)
        {
            var section = sections[i];
            var notShown = new List<string>();
            yield return section.Brief;
            if (i < plan.Tables)
                yield return section.Metrics;
            else
                notShown.Add("metrics table");
            if (plan.KeepsExtras(i))
            {
                foreach (var extra in section.Extras)
                    yield return extra.Text;
            }
            else
            {
                notShown.AddRange(section.Extras.Select(e => e.Name));
            }
            if (plan.KeepsDetails(i))
            {
                foreach (var details in section.Details)
                    yield return details.Render(plan.Rows);
            }
            else
            {
                notShown.AddRange(section.Details.Select(d => d.Name));
            }
            if (notShown.Count > 0)
                yield return $"*Not shown to fit the size limit: {string.Join(", ", notShown)}.*\n\n";
        }
    }

    /// <summary>The note at the top of a shortened report; null when nothing was left out.</summary>
    private static string? Note(ReportLayout layout, Plan plan)
    {
        var sections = layout.Sections;
        var left = new List<string>();
        var shown = Enumerable.Range(0, plan.Models).ToList();
        var rows = shown.Where(plan.KeepsDetails).Sum(i => sections[i].Details.Sum(d => d.HiddenItems(plan.Rows)));
        if (rows > 0)
            left.Add($"{Count(rows)} rows of collapsed sections");
        var withoutDetails = shown.Count(i => !plan.KeepsDetails(i) && sections[i].Details.Count > 0);
        if (withoutDetails > 0)
            left.Add($"the collapsed sections of the last {Models(withoutDetails)}");
        var withoutExtras = shown.Count(i => !plan.KeepsExtras(i) && sections[i].Extras.Count > 0);
        if (withoutExtras > 0)
            left.Add($"the runtime, params and data tables of the last {Models(withoutExtras)}");
        if (plan.Tables < plan.Models)
            left.Add($"the metrics tables of the last {Models(plan.Models - plan.Tables)}");
        if (plan.Models < sections.Count)
            left.Add($"the last {Models(sections.Count - plan.Models)}");
        if (left.Count == 0)
            return null;
        var artifacts = layout.RunUrl is null ? "" : $" (and in the artifacts of the [workflow run]({layout.RunUrl}) when it uploads them)";
        return $"> [!NOTE]\n> Shortened to fit GitHub's size limit for a comment; not shown: {string.Join("; ", left)}. " +
               $"The full results are in evaluation.json, next to report.md in the build's mlbuild folder{artifacts}.\n\n";
    }

    private static string Models(int n) => n == 1 ? "model" : $"{Count(n)} models";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The pieces of a whole report, before it is fitted into the budget.</summary>
internal sealed record ReportLayout(string Title, string OverviewHead, IReadOnlyList<string> OverviewRows, string Legend,
    IReadOnlyList<ModelSection> Sections, string? RunUrl);
