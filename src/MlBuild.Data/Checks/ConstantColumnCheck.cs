using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Checks;

/// <summary>MLB2105: a feature with the same value on every training row (an empty value counts as a value). It cannot
/// tell rows apart, so it teaches the model nothing, and often betrays a broken join or a default filled in upstream.</summary>
public static class ConstantColumnCheck
{
    public static IEnumerable<Diagnostic> Run(CheckInput input, CheckLevel level)
    {
        if (level == CheckLevel.Off || input.Train.Rows < 2)
            yield break;
        foreach (var feature in input.Selection.Features)
        {
            var scan = input.Train.ColumnScans[feature.Index];
            if (scan.Varies || scan.First is not { } first)
                continue;
            var shown = Values.IsMissing(first) ? "empty" : $"'{first}'";
            yield return Finding.At(level, MlbCodes.ConstantColumn, input.Train.Source.Layout.ColumnsAt,
                $"the feature '{feature.Name}' is {shown} on all {Finding.Count(input.Train.Rows)} training rows: " +
                "a constant tells the model nothing. Check where the column comes from, or leave it out of Features " +
                "(or set ConstantColumns=\"off\").");
        }
    }
}
