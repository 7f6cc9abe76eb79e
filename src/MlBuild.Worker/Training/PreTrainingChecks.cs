using MlBuild.Data.Checks;
using MlBuild.Data.Profiles;
using MlBuild.Protocol;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Training;

/// <summary>
/// Profiles the training data and runs the data checks on it before anything is fitted: warnings are reported and
/// training goes on; any error stops the run before the model, the profile or the result is written, so the previous
/// model, cache entry and lock entry stay as they were (the same path as any other failed training).
/// </summary>
internal static class PreTrainingChecks
{
    /// <returns>The training data's profile, written beside the model.</returns>
    public static DataProfile Run(TrainRequest request, ModelTask task, TrainingData data, ProgressReporter progress)
    {
        var profile = ProfileBuilder.Build(data.TrainFile, data.Columns, data.Selection, request.ModelName);
        var input = new CheckInput(data.TrainFile, data.TestFile, data.Columns, data.Selection, profile,
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
