using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using MlBuild.Benchmarks.Data;
using MlBuild.Benchmarks.Measurement;
using MlBuild.Benchmarks.Reporting;
using MlBuild.Core.Hashing;

namespace MlBuild.Benchmarks.Scenarios;

/// <summary>
/// Benchmark 2: first-time fingerprint hashing of the 1 GB of training data (the three files, each hashed whole,
/// one after the other, as PlanTraining hashes a project's inputs) with MlBuild's ContentHash.OfFile, against MD5
/// read in 1 MiB blocks (what DVC does), with the files in the page cache for both. Target: at least 12× MD5, about
/// what XXH128 streamed on one thread reaches on a quiet machine here: MlBuild's hash must never fall below it.
/// </summary>
internal sealed class HashingScenario(LargeDataset data, BenchmarkOptions options)
{
    /// <summary>The argument that makes this program hash files once and exit (the cold-process variant).</summary>
    public const string ChildArgument = "--hash-once";

    private const double Target = 12;
    private const int BlockSize = 1 << 20;
    private const string ContentHashName = "contenthash";
    private const string Md5Name = "md5";
    // Until the JIT has tiered the hashing loops up, XXH128 runs several times slower: two rounds are enough with 1 GB.
    private const int WarmUpRounds = 2;

    public ScenarioReport Run()
    {
        var report = new ScenarioReport("First-time fingerprint hashing of 1 GB");
        var bytes = data.TrainBytes;
        foreach (var file in data.TrainFiles)
            ReadThrough(file);

        var contentHash = report.AddSamples("MlBuild ContentHash.OfFile (XXH128, 64 MiB chunks, 256 KiB reads on up to 4 threads)", "GB/s");
        var md5 = report.AddSamples("baseline: MD5, 1 MiB reads, one thread", "GB/s");
        var xxhStream = report.AddSamples("context: XXH128, 1 MiB reads, one thread", "GB/s");
        var digests = new Dictionary<string, HashSet<string>>();
        for (var round = 1 - WarmUpRounds; round <= options.Rounds; round++)
        {
            // Rounds up to 0 warm up (the JIT's tiers, the thread pool). MlBuild and MD5 alternate; the one-thread
            // XXH128 runs last.
            var times = new List<string>();
            foreach (var (samples, hash) in new (Samples, Func<string, string>)[]
                     { (contentHash, ContentHash.OfFile), (md5, Md5), (xxhStream, Xxh128Streamed) })
            {
                var clock = Stopwatch.StartNew();
                var digest = string.Join(';', data.TrainFiles.Select(hash));
                var seconds = clock.Elapsed.TotalSeconds;
                (digests.TryGetValue(samples.Name, out var seen) ? seen : digests[samples.Name] = []).Add(digest);
                if (round > 0)
                    samples.Add(bytes / 1e9 / seconds);
                times.Add($"{bytes / 1e9 / seconds:0.00} GB/s");
            }
            Console.WriteLine($"  round {round}{(round <= 0 ? " (warm-up)" : "")}: {string.Join(", ", times)}");
        }
        Infrastructure.SetupCheck.Require(digests.Values.All(d => d.Count == 1),
            "A hash gave different digests for the same files on different rounds.");

        // As in a real first build: each hash in a process of its own, its code not yet compiled by the JIT.
        var coldContentHash = report.AddSamples("context: ContentHash.OfFile in a fresh process (cold JIT)", "GB/s");
        var coldMd5 = report.AddSamples("context: MD5 in a fresh process", "GB/s");
        for (var round = 0; round <= options.Rounds; round++)
        {
            var (a, b) = (HashInChild(ContentHashName), HashInChild(Md5Name));
            if (round > 0)
            {
                coldContentHash.Add(bytes / 1e9 / a);
                coldMd5.Add(bytes / 1e9 / b);
            }
        }

        report.Comparisons.Add(new Comparison("ContentHash.OfFile / MD5 throughput", contentHash, md5, TargetKind.AtLeast, Target));
        report.Comparisons.Add(new Comparison("XXH128 one thread / MD5 throughput", xxhStream, md5));
        report.Comparisons.Add(new Comparison("ContentHash.OfFile / XXH128 one thread", contentHash, xxhStream));
        report.Comparisons.Add(new Comparison("cold process: ContentHash.OfFile / MD5 throughput", coldContentHash, coldMd5));

        report.Method.Add($"Data: the three training files of benchmark 1, {bytes:N0} bytes ({bytes / 1e9:0.000} GB, GB = 10⁹ bytes), " +
                          "hashed file by file, one after the other, as PlanTraining hashes a project's inputs when it has " +
                          "never seen them (the stat cache is empty).");
        report.Method.Add("Every file was read once before the first round, so all variants read from the page cache " +
                          $"(the files fit in memory many times over). {options.Rounds} rounds after {WarmUpRounds} warm-up rounds; in each, " +
                          "ContentHash.OfFile, then MD5 (System.Security.Cryptography, streamed in 1 MiB reads like DVC), " +
                          "then, for context only, XXH128 streamed the same way on one thread.");
        report.Method.Add("Throughput = bytes / wall-clock time in this process. The ratio compares MlBuild's hash as it runs in " +
                          $"a build ({Math.Min(Environment.ProcessorCount, 4)} threads on {Environment.ProcessorCount} cores, read() into a " +
                          "256 KiB buffer per thread, not memory-mapped) with single-threaded MD5; the " +
                          "one-thread XXH128 row separates the algorithm's share from the parallelism's.");
        report.Method.Add("Context, cold: the benchmark program started again for each hash (`--hash-once`), timing only " +
                          "the hashing inside it, as the first build of a project hashes in a fresh MSBuild process whose JIT " +
                          "has not compiled System.IO.Hashing yet (MD5 is native OpenSSL, so it has no such cost). The same " +
                          "rounds, interleaved.");
        return report;
    }

    /// <summary>The child side of the cold variant: hashes the files with the named hash and prints the seconds.</summary>
    public static int RunChild(string[] args)
    {
        Func<string, string> hash = args[1] == ContentHashName ? ContentHash.OfFile : Md5;
        var clock = Stopwatch.StartNew();
        foreach (var file in args[2..])
            hash(file);
        Console.WriteLine(clock.Elapsed.TotalSeconds.ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }

    private double HashInChild(string algorithm)
    {
        var self = Environment.ProcessPath!;
        var arguments = new List<string>();
        // Under `dotnet run` the process is the apphost; started as `dotnet x.dll`, it is dotnet itself.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            arguments.Add(typeof(HashingScenario).Assembly.Location);
        arguments.AddRange([ChildArgument, algorithm, .. data.TrainFiles]);
        var result = ProcessRunner.Run(self, arguments, Environment.CurrentDirectory,
            new Dictionary<string, string?>(), TimeSpan.FromMinutes(5));
        Infrastructure.SetupCheck.Succeeded(result, $"Hashing in a fresh process ({algorithm})");
        return double.Parse(result.Output.Trim(), CultureInfo.InvariantCulture);
    }

    private static string Md5(string path)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        Stream(path, block => md5.AppendData(block));
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    private static string Xxh128Streamed(string path)
    {
        var xxh = new XxHash128();
        Stream(path, xxh.Append);
        return Convert.ToHexStringLower(xxh.GetCurrentHash());
    }

    private static void ReadThrough(string path) => Stream(path, _ => { });

    // Unbuffered FileStream (bufferSize 0): each Read is one read() of up to 1 MiB into this buffer.
    private static void Stream(string path, Action<ReadOnlySpan<byte>> consume)
    {
        var buffer = new byte[BlockSize];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
            FileOptions.SequentialScan);
        int read;
        while ((read = stream.Read(buffer)) > 0)
            consume(buffer.AsSpan(0, read));
    }
}
