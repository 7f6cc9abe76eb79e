using System.Diagnostics;
using MlBuild.IntegrationTests.Infrastructure;
using Xunit;

namespace MlBuild.IntegrationTests;

/// <summary>A training run that dies halfway must leave everything as it was before it started.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class InterruptedTrainingTests(PackageFeedFixture feed)
{
    [Fact]
    public void A_killed_worker_leaves_the_previous_model_cache_and_lock_entry_intact()
    {
        var project = new TestProject(feed, "TaxiModels")
            .WithProject("""
                <MlModel Include="Taxi" Task="Regression" TrainData="data/train.csv" TestData="data/test.csv"
                         LabelColumn="fare_amount" Params="taxi.params.json" />
                """)
            .WithData("taxi-fare/train-2000.csv", "data/train.csv")
            .WithData("taxi-fare/test-500.csv", "data/test.csv")
            .WithFile("taxi.params.json", """{ "NumberOfTrees": 10 }""");
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        var model = File.ReadAllBytes(project.ModelFile("Taxi"));
        var lockFile = File.ReadAllBytes(project.LockFile);
        var cacheEntries = project.CacheEntries();

        // Enough trees that the worker is still training when it is killed.
        project.WithFile("taxi.params.json", """{ "NumberOfTrees": 20000, "NumberOfLeaves": 64 }""");
        var killedWorkers = 0;
        var build = project.Build(_ => killedWorkers = KillWorkerOnceTraining(project.Directory, TimeSpan.FromMinutes(3)));

        Assert.Equal(1, killedWorkers);
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains(build.Diagnostics(), d => d.Code == "MLB4001" && d.Message.Contains("Taxi"));
        Assert.Equal(model, File.ReadAllBytes(project.ModelFile("Taxi")));
        Assert.Equal(lockFile, File.ReadAllBytes(project.LockFile));
        Assert.Equal(cacheEntries, project.CacheEntries());
        Assert.Empty(Directory.GetFiles(project.OutputDirectory, "*.tmp"));
    }

    /// <summary>Waits for this project's worker process to report that it is training, then kills it.</summary>
    private static int KillWorkerOnceTraining(string projectDirectory, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            foreach (var pid in WorkerProcesses(projectDirectory))
            {
                // Give it a moment to get past loading, so the kill lands during training.
                Thread.Sleep(TimeSpan.FromSeconds(2));
                Process.GetProcessById(pid).Kill();
                return 1;
            }
            Thread.Sleep(100);
        }
        return 0;
    }

    private static IEnumerable<int> WorkerProcesses(string projectDirectory)
    {
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Contains("MlBuild.Worker.dll", StringComparison.Ordinal)
                && commandLine.Contains(projectDirectory, StringComparison.Ordinal))
                yield return pid;
        }
    }
}
