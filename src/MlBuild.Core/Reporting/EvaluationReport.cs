using MlBuild.Core.Baselines;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;

namespace MlBuild.Core.Reporting;

/// <summary>Everything the reports show: the baseline, and per model its evaluation and its gates' outcomes.</summary>
internal sealed record EvaluationReport
{
    /// <summary>As <see cref="BaselineResult.Description"/> says it: "HEAD (3f2a1b9)", or "none (…)".</summary>
    public required string BaselineDescription { get; init; }
    /// <summary>The baseline commit (full or abbreviated sha), when the baseline came from git.</summary>
    public string? BaselineCommit { get; init; }
    /// <summary>The ref that named the baseline commit: "HEAD", "origin/main".</summary>
    public string? BaselineRef { get; init; }
    /// <summary>Models with a failed gate or expectation first, then by name.</summary>
    public required IReadOnlyList<ModelReport> Models { get; init; }
    /// <summary>Paths in the report (expectation files) are shown relative to it.</summary>
    public string? ProjectDirectory { get; init; }
    /// <summary>The candidate commit, the run, the lock file's history: for the markdown report's links and charts.</summary>
    public ReportContext Context { get; init; } = ReportContext.Unknown;

    public bool Passed => Models.All(m => !m.Failed);

    /// <param name="outcomes">From <see cref="GateEvaluator.EvaluateAll"/>: grouped here by model.</param>
    public static EvaluationReport Create(string baselineDescription, IEnumerable<ModelEvaluation> evaluations,
        IEnumerable<GateOutcome> outcomes, string? projectDirectory = null, string? baselineCommit = null)
    {
        var byModel = outcomes.ToLookup(o => o.Model, StringComparer.Ordinal);
        var models = evaluations
            .Select(e => new ModelReport(e, byModel[e.Name].ToList()))
            .OrderBy(m => m.Failed ? 0 : 1)
            .ThenBy(m => m.Evaluation.Name, StringComparer.Ordinal)
            .ToList();
        return new EvaluationReport
        {
            BaselineDescription = baselineDescription, BaselineCommit = baselineCommit, Models = models,
            ProjectDirectory = projectDirectory,
        };
    }

    public static EvaluationReport Create(BaselineResult baseline, IEnumerable<ModelEvaluation> evaluations,
        IEnumerable<GateOutcome> outcomes, string? projectDirectory = null) =>
        Create(baseline.Description, evaluations, outcomes, projectDirectory, baseline.Commit) with { BaselineRef = baseline.Ref };
}

/// <summary>One model's evaluation with the outcomes of its gates (and the warning about it, if any).</summary>
internal sealed record ModelReport(ModelEvaluation Evaluation, IReadOnlyList<GateOutcome> Outcomes)
{
    public string Name => Evaluation.Name;

    public IReadOnlyList<GateOutcome> GateOutcomes => Outcomes.Where(o => o.Gate is not null).ToList();

    public int FailedCount => Outcomes.Count(o => o.Status == GateStatus.Failed);

    public int WarningCount => Outcomes.Count(o => o.Status == GateStatus.Warning);

    /// <summary>Failed expectations fail the build as failed gates do (MLB5005).</summary>
    public int FailedExpectationCount => Evaluation.Result?.FailedExpectations.Count ?? 0;

    public bool Failed => FailedCount > 0 || FailedExpectationCount > 0;
}
