using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Checks;

/// <summary>MLB2104 (classification): a class with a share of the training rows below <c>MinClassShare</c> (default
/// 0.01). The model will rarely predict it, and the test set holds too few of it to say how well it does: a warning,
/// since some problems are imbalanced by nature (then lower the share, or set RareClasses="off").</summary>
public static class ClassShareCheck
{
    public static IEnumerable<Diagnostic> Run(CheckInput input, DataCheckSettings settings)
    {
        if (!input.Classification || settings.RareClasses == CheckLevel.Off || input.Train.Rows == 0 ||
            input.Train.Labels is not { Overflowed: false } labels)
            yield break;
        var label = input.Selection.Label;
        var rows = input.Train.Rows;
        var classes = labels.ClassCounts(label.Kind)
            .Select(p => (Class: p.Key, Count: p.Value))
            .Where(c => (double)c.Count / rows < settings.MinClassShare)
            .OrderBy(c => c.Count).ThenBy(c => c.Class, StringComparer.Ordinal)
            .Take(DiagnosticBag.Limit);
        foreach (var (name, count) in classes)
            yield return Finding.At(settings.RareClasses, MlbCodes.RareClass, new Location(input.Train.Source.Path),
                $"the class '{name}' of the label '{label.Name}' has {Finding.Count(count)} of {Finding.Count(rows)} " +
                $"training rows ({Finding.Share((double)count / rows)}), below MinClassShare ({Finding.Number(settings.MinClassShare)}): " +
                "the model will rarely predict it and the test set can hardly measure it. Add rows of it, merge it " +
                "into another class, or lower MinClassShare.");
    }

}
