using MlBuild.Protocol;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Evaluation;

/// <summary>
/// Everything known about one model after the Evaluate target ran: each metric against the baseline, what changed
/// in its recipe (params, trainer, input files), and the worker's details (slices, expectations, per class).
/// Gates and reports read this; nothing here decides pass or fail.
/// </summary>
internal sealed class ModelEvaluation
{
    private ModelEvaluation(string name, string task, BaselineStatus baselineStatus)
    {
        Name = name;
        Task = task;
        BaselineStatus = baselineStatus;
    }

    public string Name { get; }
    public string Task { get; }
    public BaselineStatus BaselineStatus { get; }

    /// <summary>Every metric, in report order (primary first); meta-metrics included.</summary>
    public IReadOnlyList<MetricComparison> Metrics { get; private init; } = [];

    /// <summary>The worker's result, when the model was scored in this run (slices, expectations, per class…).</summary>
    public EvaluateResult? Result { get; private init; }

    /// <summary>The baseline entry records the very model file the candidate is: every difference is noise.</summary>
    public bool SameModelAsBaseline { get; private init; }

    public IReadOnlyList<ParamChange> ParamChanges { get; private init; } = [];

    /// <summary>The trainer, when it differs from the baseline's.</summary>
    public ParamChange? TrainerChange { get; private init; }

    public IReadOnlyList<DataFileChange> DataChanges { get; private init; } = [];

    public bool HasBaseline => BaselineStatus is BaselineStatus.Paired or BaselineStatus.Unpaired;

    public MetricComparison? Find(string metric) =>
        Metrics.FirstOrDefault(m => string.Equals(m.Name, metric, StringComparison.OrdinalIgnoreCase));

    /// <summary>Merges one model's sources into one view.</summary>
    /// <param name="name">The model's name (its MlModel identity and lock file key).</param>
    /// <param name="result">The worker's evaluation; null when the model was not scored in this run, in which case
    /// the candidate's values are those its lock entry recorded at training time.</param>
    /// <param name="candidate">The model's entry in the working tree's lock file.</param>
    /// <param name="baselineLock">The baseline's lock file; null when there is no baseline at all.</param>
    public static ModelEvaluation Create(string name, EvaluateResult? result, LockEntry candidate, LockFile? baselineLock)
    {
        LockEntry? baseline = null;
        baselineLock?.Models.TryGetValue(name, out baseline);
        var status = baselineLock is null ? BaselineStatus.NoBaseline
            : baseline is null ? BaselineStatus.NotInBaseline
            : result?.BaselineMetrics is not null ? BaselineStatus.Paired
            : BaselineStatus.Unpaired;
        var task = candidate.Task() ?? baseline?.Task() ?? "";
        var trainer = (Before: baseline?.Trainer(), After: candidate.Trainer());

        return new ModelEvaluation(name, task, status)
        {
            Metrics = MetricComparer.Compare(task, result, candidate, baseline),
            Result = result,
            SameModelAsBaseline = baseline?.ModelFileHash() is { } hash && hash == candidate.ModelFileHash(),
            ParamChanges = baseline is null ? [] : ParamsDiff.Compare(baseline.Params(), candidate.Params()),
            TrainerChange = baseline is not null && trainer.Before != trainer.After
                ? new ParamChange("Trainer", trainer.Before, trainer.After) : null,
            DataChanges = baseline is null ? [] : InputsDiff.Compare(baseline.Inputs(), candidate.Inputs()),
        };
    }
}
