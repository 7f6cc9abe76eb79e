using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Checks;

/// <summary>MLB2104 (classification): a class with a share of the training rows below <c>MinClassShare</c> (default
/// 0.01). The model will rarely predict it, and the test set holds too few of it to say how well it does: a warning,
/// since some problems are imbalanced by nature (then lower the share, or set RareClasses="off").</summary>
public static class ClassShareCheck
{
    public static IEnumerable<Diagnostic> Run(CheckInput input, DataCheckSettings settings)
    {
        if (!input.Classification || settings.RareClasses == CheckLevel.Off || input.Train.Rows.Count == 0)
            yield break;
        var label = input.Selection.Label;
        var rows = input.Train.Rows.Count;
        var classes = input.Train.ValuesOf(label.Index)
            .GroupBy(v => ClassOf(label.Kind, v), StringComparer.Ordinal)
            .Select(g => (Class: g.Key, Count: g.Count()))
            .Where(c => (double)c.Count / rows < settings.MinClassShare)
            .OrderBy(c => c.Count).ThenBy(c => c.Class, StringComparer.Ordinal)
            .Take(DiagnosticBag.Limit);
        foreach (var (name, count) in classes)
            yield return Finding.At(settings.RareClasses, DataCodes.RareClass, new Location(input.Train.Path),
                $"the class '{name}' of the label '{label.Name}' has {Finding.Count(count)} of {Finding.Count(rows)} " +
                $"training rows ({Finding.Share((double)count / rows)}), below MinClassShare ({Finding.Number(settings.MinClassShare)}): " +
                "the model will rarely predict it and the test set can hardly measure it. Add rows of it, merge it " +
                "into another class, or lower MinClassShare.");
    }

    /// <summary>A label value as the model sees its class: 1 and 1.0 are one number, TRUE and true one boolean.</summary>
    public static string ClassOf(ColumnKind kind, string value) => kind switch
    {
        ColumnKind.Numeric => Values.ToNumber(value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ColumnKind.Boolean when Values.TryParseBoolean(value, out var b) => b ? "true" : "false",
        _ => value,
    };
}
