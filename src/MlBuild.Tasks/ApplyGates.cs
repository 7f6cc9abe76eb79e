using System.Text.Json;
using Microsoft.Build.Framework;
using MlBuild.GitHub.Actions;
using MlBuild.Protocol;
using MlBuild.Core.Baselines;
using MlBuild.Core.Diagnostics;
using MlBuild.Tasks.Diagnostics;
using MlBuild.Core.Evaluation;
using MlBuild.Core.Gates;
using MlBuild.Core.IO;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Reporting;
using MlBuild.Core.Reporting.Html;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Compares every evaluated model with its baseline, applies the MlGate items and reports: a table per model in
/// the build log, evaluation.json and report.md under the intermediate folder, and one error per broken gate at
/// its MlGate element (warnings with MlBuildGateFailuresAsWarnings). Every model is reported before the build
/// fails, and each fresh evaluation is kept in the cache for the next run with the same inputs.
/// </summary>
public sealed class ApplyGates : MsBuildTask
{
    public ITaskItem[] Evaluations { get; set; } = [];
    public ITaskItem[] Gates { get; set; } = [];
    public ITaskItem[] Slices { get; set; } = [];
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string LockFile { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    public string? BaselineLockFile { get; set; }
    public string? BaselineDescription { get; set; }
    /// <summary>ResolveBaseline's BaselineCommit: the report links it and charts the lock file's history up to it.</summary>
    public string? BaselineCommit { get; set; }
    /// <summary>ResolveBaseline's BaselineRef ("origin/main"), for the report.</summary>
    public string? BaselineRef { get; set; }
    public bool GateFailuresAsWarnings { get; set; }
    /// <summary>How many versions of the lock file the report's charts show; 0 for no history (no git log).</summary>
    public int ReportHistoryLength { get; set; } = LockFileHistory.DefaultLength;

    /// <summary>Every gate and expectation passed (warnings aside): the saved report says so for the tool that
    /// combines several reports into one comment.</summary>
    [Output] public bool Passed { get; private set; }

    /// <summary>Git and the environment (GITHUB_*), for the report's context; tests set their own.</summary>
    internal IGitRunner Git { get; set; } = new ProcessGitRunner();
    internal Func<string, string?> ReadEnvironment { get; set; } = Environment.GetEnvironmentVariable;

    private ActionsAnnotations _annotations = null!;

    public override bool Execute()
    {
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        _annotations = new ActionsAnnotations(Log, ActionsEnvironment.Read(ReadEnvironment));
        var current = Core.LockFiles.LockFile.Load(LockFile);
        var baseline = string.IsNullOrEmpty(BaselineLockFile) ? null : Core.LockFiles.LockFile.Load(BaselineLockFile);

        var evaluations = new List<ModelEvaluation>();
        foreach (var item in Evaluations)
        {
            var result = ReadResult(item);
            if (result is null || !current.Models.TryGetValue(item.ItemSpec, out var candidate))
                continue;
            evaluations.Add(ModelEvaluation.Create(item.ItemSpec, result, candidate, baseline));
            ReportExpectations(item.ItemSpec, result);
        }

        var modelTasks = current.Models.ToDictionary(m => m.Key, m => (string?)m.Value.Json["task"] ?? "", StringComparer.Ordinal);
        var sliceColumns = Slices.Select(s => (s.ItemSpec, s.GetMetadata("Column").Trim()));
        var problems = new List<GateProblem>();
        var gates = GateReader.Read(Gates.ToDeclared(), ProjectFile, modelTasks, sliceColumns, problems);
        foreach (var problem in problems)
        {
            if (problem.IsWarning)
            {
                Log.Warning(problem.Code, problem.Location, problem.Message);
                _annotations.Warning(problem.Code, problem.Location, problem.Message);
            }
            else
            {
                Log.Error(problem.Code, problem.Location, problem.Message);
                _annotations.Error(problem.Code, problem.Location, problem.Message);
            }
        }

        var outcomes = GateEvaluator.EvaluateAll(gates, evaluations, ProjectFile);
        var report = EvaluationReport.Create(BaselineDescription ?? "none", evaluations, outcomes, projectDirectory, NullIfEmpty(BaselineCommit))
            with
        { BaselineRef = NullIfEmpty(BaselineRef), Context = ReadContext() };
        foreach (var line in ConsoleReport.Render(report))
            Log.LogMessage(MessageImportance.High, line);
        AtomicFile.WriteAllText(Path.Combine(IntermediateDirectory, "evaluation.json"), EvaluationJson.Serialize(report));
        AtomicFile.WriteAllText(Path.Combine(IntermediateDirectory, "report.md"), MarkdownReport.Render(report));
        WriteHtmlReport(report);
        Passed = report.Passed;

        foreach (var outcome in outcomes.Where(o => o.Code is not null))
        {
            if (outcome.Status == GateStatus.Failed && !GateFailuresAsWarnings)
            {
                Log.Error(outcome.Code!, outcome.Location, outcome.Message);
                _annotations.Error(outcome.Code!, outcome.Location, outcome.Message);
            }
            else
            {
                Log.Warning(outcome.Code!, outcome.Location, outcome.Message);
                _annotations.Warning(outcome.Code!, outcome.Location, outcome.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>The commits, the run and the lock file's history for the report. They only add links and charts:
    /// whatever cannot be read is left out, never a reason to fail the build.</summary>
    private ReportContext ReadContext()
    {
        try
        {
            return new ReportContextReader(Git, ReadEnvironment).Read(ProjectFile, LockFile, NullIfEmpty(BaselineCommit), ReportHistoryLength)
                with
            { GateFailuresAsWarnings = GateFailuresAsWarnings };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            Log.LogMessage(MessageImportance.Low, "The report has no commits, run or history: {0}", e.Message);
            return ReportContext.Unknown with { GateFailuresAsWarnings = GateFailuresAsWarnings };
        }
    }

    /// <summary>report.html, and its part (report.html.json) for a solution's combined report. Plain text written
    /// here: the charts are drawn by the browser that opens it, so no charting library loads into MSBuild.</summary>
    private void WriteHtmlReport(EvaluationReport report)
    {
        var part = HtmlReport.Render(report);
        AtomicFile.WriteAllText(Path.Combine(IntermediateDirectory, HtmlReportFiles.Document),
            HtmlDocument.Write([part], generator: $"MlBuild {MlBuildVersion.Current}"));
        AtomicFile.WriteAllText(Path.Combine(IntermediateDirectory, HtmlReportPart.FileName), HtmlReportFiles.Serialize(part));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The worker's result (kept in the cache when fresh), or null when its evaluation failed (the
    /// worker's error is already in the log).</summary>
    private EvaluateResult? ReadResult(ITaskItem item)
    {
        var resultFile = item.GetMetadata(EvaluationMetadata.ResultFile);
        if (!File.Exists(resultFile))
        {
            if (!Log.HasLoggedErrors)
                Log.Error(MlbCodes.EvaluationMissing, new SourceLocation(ProjectFile),
                    $"{item.ItemSpec}: the worker wrote no evaluation result ({resultFile}). This is a bug in MlBuild.");
            return null;
        }
        var text = File.ReadAllText(resultFile);
        if (item.GetMetadata(EvaluationMetadata.Action) == EvaluationAction.Evaluate)
            AtomicFile.WriteAllText(item.GetMetadata(EvaluationMetadata.CachedResultFile), text);
        return JsonSerializer.Deserialize<EvaluateResult>(text, WorkerJson.Options);
    }

    /// <summary>A failed expectation is a failed test of the model: an error at its line of the expectations file.</summary>
    private void ReportExpectations(string model, EvaluateResult result)
    {
        foreach (var failure in result.FailedExpectations)
        {
            var message = $"{model}: expected {failure.Expected}, the model answered {failure.Actual}.";
            var at = new SourceLocation(failure.File, failure.Line);
            if (GateFailuresAsWarnings)
            {
                Log.Warning(MlbCodes.ExpectationFailed, at, message);
                _annotations.Warning(MlbCodes.ExpectationFailed, at, message);
            }
            else
            {
                Log.Error(MlbCodes.ExpectationFailed, at, message);
                _annotations.Error(MlbCodes.ExpectationFailed, at, message);
            }
        }
    }
}
