using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Checks;

/// <summary>MLB2105: a feature with the same value on every training row (an empty value counts as a value). It cannot
/// tell rows apart, so it teaches the model nothing, and often betrays a broken join or a default filled in upstream.</summary>
public static class ConstantColumnCheck
{
    public static IEnumerable<Diagnostic> Run(CheckInput input, CheckLevel level)
    {
        if (level == CheckLevel.Off || input.Train.Rows.Count < 2)
            yield break;
        foreach (var feature in input.Selection.Features)
        {
            var first = input.Train.Rows[0].Fields[feature.Index];
            if (input.Train.Rows.Any(r => r.Fields[feature.Index] != first))
                continue;
            var shown = Values.IsMissing(first) ? "empty" : $"'{first}'";
            yield return Finding.At(level, DataCodes.ConstantColumn, input.Train.ColumnsAt,
                $"the feature '{feature.Name}' is {shown} on all {Finding.Count(input.Train.Rows.Count)} training rows: " +
                "a constant tells the model nothing. Check where the column comes from, or leave it out of Features " +
                "(or set ConstantColumns=\"off\").");
        }
    }
}
