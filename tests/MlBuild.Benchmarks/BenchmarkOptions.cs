using System.Globalization;

namespace MlBuild.Benchmarks;

/// <summary>
/// The command line: <c>--feed DIR --work DIR [--results FILE] [--rounds N] [--retrain-rounds N]
/// [--evaluate-rounds N] [--data-mb N] [--scale-mb 100,1024] [--scale-rounds N] [--scale-trainers OnlineGradientDescent,FastTree] [--remote-rounds N] [--remote-memory-rounds N] [--remote-model-mb N] [--only noop,hash,retrain,evaluate,scale,remote] [--keep] [--load-before "1.0 0.9 0.8"] [--source "commit abc1234"]</c>. The feed holds
/// the packed MlBuild; the work folder is created and deleted; bench.sh passes the load average it saw before packing
/// and the commit it packed.
/// </summary>
internal sealed record BenchmarkOptions(
    string Feed,
    string Work,
    string Results,
    int Rounds,
    int RetrainRounds,
    int EvaluateRounds,
    long DataBytes,
    IReadOnlyList<int> ScaleMegabytes,
    int ScaleRounds,
    IReadOnlyList<string> ScaleTrainers,
    int RemoteRounds,
    int RemoteMemoryRounds,
    int RemoteModelMegabytes,
    IReadOnlySet<string> Scenarios,
    bool Keep,
    string? LoadBefore,
    string? Source)
{
    public const string NoOp = "noop";
    public const string Hash = "hash";
    public const string Retrain = "retrain";
    public const string Evaluate = "evaluate";
    public const string Scale = "scale";
    public const string Remote = "remote";

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public static BenchmarkOptions Parse(string[] args, string repositoryRoot)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
                keep = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
                values[args[i][2..]] = args[++i];
            else
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v
            : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var scenarios = values.TryGetValue("only", out var only)
            ? only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet()
            : new HashSet<string> { NoOp, Hash, Retrain, Evaluate, Scale, Remote };
        var unknown = scenarios.Except([NoOp, Hash, Retrain, Evaluate, Scale, Remote]).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}: use noop, hash, retrain, evaluate, scale, remote.");
        var scaleMegabytes = values.TryGetValue("scale-mb", out var sizes)
            ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList()
            : [100, 1024];
        if (scaleMegabytes.Count == 0 || scaleMegabytes.Any(mb => mb <= 0))
            throw new ArgumentException("--scale-mb takes sizes in MB above 0, separated by commas (such as 100,1024).");

        var scaleTrainers = values.TryGetValue("scale-trainers", out var trainers)
            ? trainers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : ["OnlineGradientDescent", "FastTree"];
        var unknownTrainers = scaleTrainers.Except(["OnlineGradientDescent", "FastTree"]).ToList();
        if (scaleTrainers.Count == 0 || unknownTrainers.Count > 0)
            throw new ArgumentException("--scale-trainers takes OnlineGradientDescent and/or FastTree, separated by commas.");

        return new BenchmarkOptions(
            Feed: Path.GetFullPath(Required("feed")),
            Work: Path.GetFullPath(Required("work")),
            Results: Path.GetFullPath(values.GetValueOrDefault("results")
                ?? Path.Combine(repositoryRoot, "tests", "MlBuild.Benchmarks", "RESULTS.md")),
            Rounds: Number("rounds", 15),
            RetrainRounds: Number("retrain-rounds", 7),
            EvaluateRounds: Number("evaluate-rounds", 7),
            DataBytes: Number("data-mb", 1024) * 1024L * 1024L,
            // Sorted and distinct: the scale benchmark reports by size, and evaluates the largest.
            ScaleMegabytes: scaleMegabytes.Distinct().Order().ToList(),
            // A training round at 1 GB takes minutes on each side: two rounds, interleaved, are what a run can afford.
            ScaleRounds: Number("scale-rounds", 2),
            // One trainer alone for a very large run by hand (10 GB: FastTree's own memory grows with the rows).
            ScaleTrainers: scaleTrainers,
            RemoteRounds: Number("remote-rounds", 7),
            RemoteMemoryRounds: Number("remote-memory-rounds", 2),
            // The size the issue names: models of hundreds of MB are common, and a 1 GB one shows that nothing is held whole.
            RemoteModelMegabytes: Number("remote-model-mb", 1024),
            Scenarios: scenarios,
            Keep: keep,
            LoadBefore: values.GetValueOrDefault("load-before"),
            Source: values.GetValueOrDefault("source"));
    }
}
