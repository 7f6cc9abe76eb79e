using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Checks;

/// <summary>MLB2103: fewer training rows than <c>MinRows</c> (default 20). A model fit on a handful of rows, and test
/// metrics over the few left, mean little: an error, since it usually means the wrong file or a truncated export.</summary>
public static class RowCountCheck
{
    public static IEnumerable<Diagnostic> Run(CheckInput input, DataCheckSettings settings)
    {
        if (settings.TooFewRows == CheckLevel.Off || input.TrainRows >= settings.MinRows)
            yield break;
        yield return Finding.At(settings.TooFewRows, MlbCodes.TooFewRows, new Location(input.Train.Source.Path),
            $"the model would train on {Finding.Count(input.TrainRows)} rows, fewer than MinRows ({settings.MinRows}): " +
            "add rows (is this the right file, whole?), or lower MinRows on the MlModel item.");
    }
}
