using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// The Evaluate part of benchmark 6, on the largest size's default (FastTree) model that the training rounds left up to
/// date, mirroring benchmark 5 (<see cref="EvaluateScenario"/>) with the no-op build subtracted as in the training part:
/// (A) its cached evaluations deleted, <c>dotnet build -t:Evaluate</c> (1000 bootstrap resamples, the default), then
///     (A′) the same project's no-op build right after;
/// (B) the hand-written evaluation (HandWrittenScale/ evaluate: load the model, TextLoader over the CSV, the same
///     seeded TrainTestSplit, Regression.Evaluate on its test part).
/// Target: (A − A′) / B ≤ 1.25, with the same point estimates. For context, in the same rounds: (A0) A without
/// intervals (MlBuildBootstrapSamples=0), and both sides' peak resident memory.
/// </summary>
internal sealed class ScaleEvaluation(Workspace workspace, BenchmarkOptions options, ScaleCase model, string handWrittenDll,
    string data)
{
    public const double Target = 1.25;
    private const int Resamples = 1000;
    private const string NoIntervalsArgument = "-p:MlBuildBootstrapSamples=0";

    private readonly string _cache = workspace.PathOf("scale", "evaluate-cache");

    public ScaleCase Model => model;
    public ScenarioReport Report { get; } = new($"MlBuild's data path at scale: Evaluate from {model.Megabytes} MB");
    public Comparison? Primary { get; private set; }
    public EvaluationMetrics? Evaluated { get; private set; }
    public RegressionMetrics? ByHand { get; private set; }
    public bool SameEveryRound { get; private set; } = true;
    public double WorstRelativeDifference { get; private set; }

    public ScaleEvaluation Run()
    {
        var evaluate = Report.AddSamples($"MlBuild: dotnet build -t:Evaluate ({Resamples} resamples)", "s");
        var noOp = Report.AddSamples("MlBuild: no-op build right after", "s");
        var evaluateMinusNoOp = Report.AddSamples("MlBuild: Evaluate − no-op", "s");
        var handWritten = Report.AddSamples("hand-written evaluation (dotnet exec ScaleHandWritten.dll evaluate)", "s");
        var worker = Report.AddSamples("MlBuild: of which the RunWorker task (worker process)", "s");
        var noIntervals = Report.AddSamples("context: dotnet build -t:Evaluate, no intervals (MlBuildBootstrapSamples=0)", "s");
        var noIntervalsMinusNoOp = Report.AddSamples("context: Evaluate without intervals − no-op", "s");
        var workerPeak = Report.AddSamples("MlBuild: peak RSS of the worker (VmHWM)", "MB");
        var buildPeak = Report.AddSamples("MlBuild: peak RSS of the whole Evaluate build", "MB");
        var handWrittenPeak = Report.AddSamples("hand-written evaluation: peak RSS (VmHWM)", "MB");

        for (var round = 0; round < options.ScaleRounds; round++)
        {
            void RunA()
            {
                using var memory = new ProcessTreeMemory();
                var a = RequireEvaluated(EvaluateBuild(memory), Resamples, "An Evaluate build of the scale model");
                memory.Dispose();
                SetupCheck.Require(memory.Saw(ScaleScenario.WorkerDll), $"No {ScaleScenario.WorkerDll} process was seen during the Evaluate build.", a);
                var after = SetupCheck.Succeeded(Build(null), "The no-op build after Evaluate");
                SetupCheck.Require(BuildOutput.UpToDate(after.Output, ScaleCase.Model) && !BuildOutput.MentionsTraining(after.Output),
                    "The no-op build after Evaluate did not find the scale model up to date.", after);
                evaluate.Add(a.Elapsed.TotalSeconds);
                noOp.Add(after.Elapsed.TotalSeconds);
                evaluateMinusNoOp.Add(a.Elapsed.TotalSeconds - after.Elapsed.TotalSeconds);
                worker.Add(PerformanceSummary.Parse(a.Output).TaskMs("RunWorker") / 1000);
                workerPeak.Add(memory.PeakMegabytesOf(ScaleScenario.WorkerDll));
                buildPeak.Add(memory.TreePeakMegabytes);
                var point = EvaluationMetrics.Read(model.EvaluationJson, ScaleCase.Model);
                SameEveryRound &= Evaluated is null || (point.Point.SameAs(Evaluated.Point) && point.Intervals.SequenceEqual(Evaluated.Intervals));
                Evaluated = point;
            }
            void RunB()
            {
                using var memory = new ProcessTreeMemory();
                var ran = SetupCheck.Succeeded(workspace.Dotnet(model.Directory, _cache,
                    ["exec", handWrittenDll, "evaluate", model.ModelFile, data], timeout: ScaleScenario.Timeout, started: memory.Start),
                    "The hand-written scale evaluation");
                memory.Dispose();
                handWritten.Add(ran.Elapsed.TotalSeconds);
                handWrittenPeak.Add(memory.RootPeakMegabytes);
                var metrics = RegressionMetrics.FromProgramOutput(ran.Output);
                SameEveryRound &= ByHand is null || metrics.SameAs(ByHand);
                ByHand = metrics;
            }

            if (round % 2 == 0)
            {
                RunA();
                RunB();
            }
            else
            {
                RunB();
                RunA();
            }
            var a0 = RequireEvaluated(EvaluateBuild(null, NoIntervalsArgument), 0, "An Evaluate build without intervals");
            noIntervals.Add(a0.Elapsed.TotalSeconds);
            noIntervalsMinusNoOp.Add(a0.Elapsed.TotalSeconds - noOp.Values[^1]);
            SameEveryRound &= EvaluationMetrics.Read(model.EvaluationJson, ScaleCase.Model).Point.SameAs(Evaluated!.Point);
            WorstRelativeDifference = Math.Max(WorstRelativeDifference, Evaluated.Point.MaxRelativeDifference(ByHand!));
            Console.WriteLine($"  Evaluate {model.Megabytes} MB, round {round + 1}: {evaluate.Values[^1]:0.0} s − no-op {noOp.Values[^1]:0.0} s " +
                              $"vs hand-written {handWritten.Values[^1]:0.0} s; no intervals {a0.Elapsed.TotalSeconds:0.0} s; peak RSS " +
                              $"worker {workerPeak.Values[^1]:0} MB, hand-written {handWrittenPeak.Values[^1]:0} MB");
        }

        Primary = new Comparison($"{model.Megabytes} MB: (MlBuild Evaluate − no-op) / hand-written evaluation", evaluateMinusNoOp,
            handWritten, TargetKind.AtMost, Target);
        Report.Comparisons.Add(Primary);
        Report.Comparisons.Add(new Comparison($"{model.Megabytes} MB: (Evaluate without intervals − no-op) / hand-written evaluation",
            noIntervalsMinusNoOp, handWritten));
        Report.Comparisons.Add(new Comparison("MlBuild's worker (RunWorker) / hand-written evaluation", worker, handWritten));
        Report.Comparisons.Add(new Comparison("peak RSS, worker − hand-written evaluation", workerPeak, handWrittenPeak, Difference: true));
        Report.Comparisons.Add(new Comparison("peak RSS, whole Evaluate build − hand-written evaluation", buildPeak, handWrittenPeak,
            Difference: true));
        ScaleNotes.DescribeEvaluation(this, model, Resamples, options.ScaleRounds);
        return this;
    }

    // PlanEvaluation keeps each evaluation result in the model cache under v1/evaluations/: deleted, Evaluate evaluates.
    private ProcessResult EvaluateBuild(ProcessTreeMemory? memory, params string[] extraArguments)
    {
        var evaluations = Path.Combine(_cache, "v1", "evaluations");
        if (Directory.Exists(evaluations))
            Directory.Delete(evaluations, recursive: true);
        return Build(memory, ["-t:Evaluate", "-clp:PerformanceSummary", .. extraArguments]);
    }

    private ProcessResult Build(ProcessTreeMemory? memory, params string[] extraArguments) =>
        workspace.Dotnet(model.Directory, _cache, ["build", "-nodeReuse:false", "-tl:off", .. extraArguments],
            timeout: ScaleScenario.Timeout, started: memory is null ? null : memory.Start);

    /// <summary>The build must have evaluated: the model up to date (nothing trained), the worker run with the given
    /// number of resamples (as benchmark 5 checks).</summary>
    private static ProcessResult RequireEvaluated(ProcessResult build, int resamples, string what)
    {
        SetupCheck.Succeeded(build, what);
        SetupCheck.Require(BuildOutput.UpToDate(build.Output, ScaleCase.Model) && !BuildOutput.MentionsTraining(build.Output),
            $"{what} did not find {ScaleCase.Model} up to date.", build);
        SetupCheck.Require(BuildOutput.Evaluated(build.Output, ScaleCase.Model)
                           && BuildOutput.EvaluatedWithResamples(build.Output, ScaleCase.Model, resamples),
            $"{what} did not run the worker's evaluation of {ScaleCase.Model} with {resamples} bootstrap resamples.", build);
        return build;
    }
}
