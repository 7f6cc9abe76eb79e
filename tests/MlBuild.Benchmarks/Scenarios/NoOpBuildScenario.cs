using System.Globalization;
using MlBuild.Benchmarks.Data;
using MlBuild.Benchmarks.Infrastructure;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 1: <c>dotnet build</c> of a project whose three models (over 1 GB of data) are up to date, against the
/// same project using ML.NET directly without MlBuild (primary baseline) and against the same project with no
/// package (context). Target: at most 5% slower than the ML.NET project.
/// </summary>
internal sealed class NoOpBuildScenario(Workspace workspace, LargeDataset data, BenchmarkOptions options)
{
    private const string ProjectName = "Models";
    private const double Target = 1.05;
    private const string Program = "Console.WriteLine(\"Models are trained by the build.\");\n";

    private static readonly string[] Models = Enumerable.Range(1, LargeDataset.FileCount).Select(i => $"Model{i}").ToArray();

    public ScenarioReport Run()
    {
        var report = new ScenarioReport("No-op build over 1 GB of training data");
        var withMlBuild = workspace.PathOf("noop", "WithMlBuild");
        var withMlNet = workspace.PathOf("noop", "WithMlNet");
        var bare = workspace.PathOf("noop", "Bare");
        var cache = workspace.PathOf("noop", "model-cache");
        CreateProjects(withMlBuild, withMlNet, bare);

        Console.WriteLine("  initial build: training the three models (setup, not measured)…");
        var initial = SetupCheck.Succeeded(workspace.Build(withMlBuild, cache), "The initial build of the MlBuild project");
        SetupCheck.Require(Models.All(m => BuildOutput.Trained(initial.Output, m)),
            "The initial build did not train all three models.", initial);
        SetupCheck.Succeeded(workspace.Build(withMlNet, cache), "The first build of the ML.NET project");
        SetupCheck.Succeeded(workspace.Build(bare, cache), "The first build of the bare project");
        // The setup check the measurement rests on: every model up to date, nothing trained.
        RequireUpToDate(workspace.Build(withMlBuild, cache));

        var measured = report.AddSamples("MlBuild, 3 models up to date", "s");
        var mlNet = report.AddSamples("baseline: Microsoft.ML + FastTree, no MlBuild", "s");
        var plain = report.AddSamples("bare project, no package", "s");
        var variants = new (string Directory, Samples Samples)[] { (withMlBuild, measured), (withMlNet, mlNet), (bare, plain) };
        for (var round = 0; round <= options.Rounds; round++)
        {
            // Round 0 warms up. The order alternates (A B C, C B A, …) so that no variant always runs first.
            var times = new List<string>();
            foreach (var (directory, samples) in round % 2 == 0 ? variants : Enumerable.Reverse(variants))
            {
                var result = SetupCheck.Succeeded(workspace.Build(directory, cache), $"A no-op build of {directory}");
                if (directory == withMlBuild)
                    RequireUpToDate(result);
                if (round > 0)
                    samples.Add(result.Elapsed.TotalSeconds);
                times.Add($"{samples.Name} {result.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s");
            }
            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : "")}: {string.Join(", ", times)}");
        }

        report.Comparisons.Add(new Comparison("MlBuild no-op build / ML.NET project build", measured, mlNet,
            TargetKind.AtMost, Target));
        report.Comparisons.Add(new Comparison("MlBuild no-op build / bare project build", measured, plain));
        report.Comparisons.Add(new Comparison("ML.NET project build / bare project build", mlNet, plain));

        var summary = PerformanceSummary.Parse(
            RequireUpToDate(workspace.Build(withMlBuild, cache, "-clp:PerformanceSummary")).Output);
        Describe(report, initial, summary, mlNet.Median);
        return report;
    }

    private void CreateProjects(string withMlBuild, string withMlNet, string bare)
    {
        var items = string.Join('\n', Models.Select((name, i) =>
            $"""    <MlModel Include="{name}" Task="Regression" Trainer="OnlineGradientDescent" TrainData="data/{LargeDataset.TrainName(i + 1)}" TestData="data/{LargeDataset.TestName(i + 1)}" LabelColumn="{SyntheticData.LabelColumn}" />"""));
        ProjectFiles.Write(withMlBuild, ProjectName, ProjectFiles.WithMlBuild(workspace.MlBuildVersion, items), Program);
        ProjectFiles.Write(withMlNet, ProjectName, ProjectFiles.WithMlNet(), Program);
        ProjectFiles.Write(bare, ProjectName, ProjectFiles.Bare(), Program);
        // The same data files in every variant (hard links, not copies), so that globbing sees the same folders.
        foreach (var directory in new[] { withMlBuild, withMlNet, bare })
            foreach (var file in data.TrainFiles.Concat(data.TestFiles))
                FileLinks.HardLinkOrCopy(file, Path.Combine(directory, "data", Path.GetFileName(file)));
    }

    private static ProcessResult RequireUpToDate(ProcessResult build)
    {
        SetupCheck.Succeeded(build, "A no-op build of the MlBuild project");
        foreach (var model in Models)
            SetupCheck.Require(BuildOutput.UpToDate(build.Output, model),
                $"The no-op build did not say \"{model} is up to date\".", build);
        SetupCheck.Require(!BuildOutput.MentionsTraining(build.Output),
            "The no-op build trained a model.", build);
        return build;
    }

    private void Describe(ScenarioReport report, ProcessResult initial, PerformanceSummary summary, double baselineSeconds)
    {
        var ownMs = summary.TaskMs("PlanTraining") + summary.TaskMs("WriteLockFile");
        report.Method.Add($"Project: an Exe with one Program.cs and three declarative Regression models (`OnlineGradientDescent`), " +
                          $"each over one generated training file of {data.TrainBytes / 3.0 / 1e6:0} MB " +
                          $"({data.TrainBytes / 1e9:0.000} GB together; 8 numeric columns written at full double precision, " +
                          $"a linear label plus noise, fixed seeds) and a 10,000-row test file.");
        report.Method.Add("Baselines: the same project (same source, same data files as hard links, same properties) " +
                          $"referencing Microsoft.ML {ProjectFiles.MlNetVersion} and Microsoft.ML.FastTree {ProjectFiles.MlNetVersion} " +
                          "without MlBuild or MlModel items (primary), and with no package at all (context).");
        report.Method.Add($"Setup (not measured): the first build trained the three models in {initial.Elapsed.TotalSeconds:0} s; " +
                          "each baseline was built once; a setup check then required \"ModelN is up to date\" for the three " +
                          "models and no \"Training\" in the output, and the same check ran on every measured MlBuild build.");
        report.Method.Add($"Measured: `dotnet build` of each project, one warm-up round then {options.Rounds} rounds; the order " +
                          "alternates between rounds (MlBuild, ML.NET, bare, then bare, ML.NET, MlBuild).");
        report.Notes.Add("MlBuild's own tasks in one more no-op build (`-clp:PerformanceSummary`, not part of the ratio): " +
                         $"PlanTraining {summary.TaskMs("PlanTraining"):0} ms, WriteLockFile {summary.TaskMs("WriteLockFile"):0} ms " +
                         $"(targets: _MlBuildPlan {summary.TargetMs("_MlBuildPlan"):0} ms, _MlBuildWriteLockFile " +
                         $"{summary.TargetMs("_MlBuildWriteLockFile"):0} ms). Together {ownMs:0} ms, " +
                         $"{ownMs / 1000 / baselineSeconds * 100:0.0} % of the ML.NET project's median build: the part of " +
                         "the ratio that is MlBuild's own work rather than noise or evaluation.");
    }
}
