using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Checks;

/// <summary>MLB2102: rows whose label is empty, at their lines (the first few). A row without a label teaches nothing
/// and cannot be scored: an error by default; with <c>MissingLabels="warning"</c> those rows are left out of training
/// and testing instead, and reported. There is no Off: leaving rows out silently would hide a broken export.</summary>
public static class MissingLabelCheck
{
    public const int Shown = 5;

    /// <returns>The file itself when every row has a label; else, with a warning level, the file without those rows.</returns>
    public static DataFile Apply(DataFile file, DataColumn label, CheckLevel level, Action<Diagnostic>? warn)
    {
        var unlabeled = file.Rows.Where(r => Values.IsMissing(r.Fields[label.Index])).ToList();
        if (unlabeled.Count == 0)
            return file;
        var keepsNone = unlabeled.Count == file.Rows.Count;
        var severity = level == CheckLevel.Error || keepsNone ? CheckLevel.Error : CheckLevel.Warning;
        var what = severity == CheckLevel.Error
            ? keepsNone
                ? "no row of this file has one"
                : "fill it in or remove the row; or set MissingLabels=\"warning\" to leave such rows out"
            : "the row is left out (MissingLabels=\"warning\")";
        var diagnostics = unlabeled.Take(Shown).Select((row, i) => Finding.At(severity, DataCodes.MissingLabels,
            new Location(file.Path, row.Line),
            $"the label '{label.Name}' is empty on this line{(i == 0 ? $" ({Finding.Count(unlabeled.Count)} of {Finding.Count(file.Rows.Count)} rows of this file have none)" : "")}: " +
            $"every row needs a label to train or test on; {what}.")).ToList();
        if (severity == CheckLevel.Error)
            throw new MlbException(diagnostics);
        foreach (var diagnostic in diagnostics)
            warn?.Invoke(diagnostic);
        return file.Where(r => !Values.IsMissing(r.Fields[label.Index]));
    }
}
