using MlBuild.Definitions;
using MlBuild.Data.Checks;
using MlBuild.Data.Profiles;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Training;

/// <summary>
/// Runs the data checks on what the passes over the training (and test) data found, before anything is fitted: warnings are reported and
/// training goes on; any error stops the run before the model, the profile or the result is written, so the previous
/// model, cache entry and lock entry stay as they were (the same path as any other failed training).
/// </summary>
internal static class PreTrainingChecks
{
    /// <returns>The training data's profile, written beside the model.</returns>
    public static DataProfile Run(TrainRequest request, ModelTask task, TrainingData data, ProgressReporter progress)
    {
        var profile = data.Profile!;
        var input = new CheckInput(data.TrainScan!, data.TestScan, data.Columns, data.Selection, profile,
            Classification: task != ModelTask.Regression, data.TrainRows, request.PreviousSchema);
        var findings = DataChecks.Run(input, request.DataChecks ?? DataCheckSettings.Default);
        foreach (var warning in findings.Where(f => !f.IsError))
            progress.Warn(warning);
        var errors = findings.Where(f => f.IsError).ToList();
        progress.Detail($"data checks: {errors.Count} error(s), {findings.Count - errors.Count} warning(s)");
        if (errors.Count > 0)
            throw new MlbException(errors);
        return profile;
    }
}
