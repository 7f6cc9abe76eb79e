using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Checks;

/// <summary>MLB2102: rows whose label is empty, at their lines (the first few). A row without a label teaches nothing
/// and cannot be scored: an error by default; with <c>MissingLabels="warning"</c> those rows are left out of training
/// and testing instead, and reported. There is no Off: leaving rows out silently would hide a broken export.</summary>
public static class MissingLabelCheck
{
    public const int Shown = 5;

    /// <summary>Throws the findings as errors, or reports them as warnings (the rows are then left out), for a file
    /// whose pass found <paramref name="unlabeled"/> rows without a label among <paramref name="rows"/>.</summary>
    /// <param name="lines">The lines of the first unlabeled rows (at least <see cref="Shown"/> when there are that many).</param>
    public static void Apply(string path, string label, long unlabeled, long rows, IReadOnlyList<int> lines,
        CheckLevel level, Action<Diagnostic>? warn)
    {
        if (unlabeled == 0)
            return;
        var keepsNone = unlabeled == rows;
        var severity = level == CheckLevel.Error || keepsNone ? CheckLevel.Error : CheckLevel.Warning;
        var what = severity == CheckLevel.Error
            ? keepsNone
                ? "no row of this file has one"
                : "fill it in or remove the row; or set MissingLabels=\"warning\" to leave such rows out"
            : "the row is left out (MissingLabels=\"warning\")";
        var diagnostics = lines.Take(Shown).Select((line, i) => Finding.At(severity, MlbCodes.MissingLabels,
            new Location(path, line),
            $"the label '{label}' is empty on this line{(i == 0 ? $" ({Finding.Count(unlabeled)} of {Finding.Count(rows)} rows of this file have none)" : "")}: " +
            $"every row needs a label to train or test on; {what}.")).ToList();
        if (severity == CheckLevel.Error)
            throw new MlbException(diagnostics);
        foreach (var diagnostic in diagnostics)
            warn?.Invoke(diagnostic);
    }
}
