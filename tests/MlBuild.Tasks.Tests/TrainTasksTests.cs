using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Protocol;
using MlBuild.Tasks;

namespace MlBuild.Tasks.Tests;

/// <summary>
/// The tasks of the train target run together against a fake build engine, with a stand-in for the worker
/// (the files it would write): planning, committing and the lock file, without MSBuild or ML.NET.
/// </summary>
public sealed class TrainTasksTests : IDisposable
{
    private readonly TestDirectory _project = new();
    private readonly FakeBuildEngine _engine = new();

    public TrainTasksTests()
    {
        _project.Write("data/train.csv", "a,Label\n1,2\n3,4\n");
        _project.Write("p.csproj", "<Project><ItemGroup><MlModel Include=\"M\" /></ItemGroup></Project>");
    }

    public void Dispose() => _project.Dispose();

    private PlanTraining PlanTask(params (string Key, string Value)[] metadata)
    {
        var item = new TaskItem("M");
        item.SetMetadata("Task", "Regression");
        item.SetMetadata("TrainData", "data/train.csv");
        foreach (var (key, value) in metadata)
            item.SetMetadata(key, value);
        return new PlanTraining
        {
            BuildEngine = _engine,
            Models = [item],
            ProjectFile = _project.File("p.csproj"),
            IntermediateDirectory = _project.File("obj/mlbuild"),
            OutputDirectory = _project.File("bin"),
            LockFile = _project.File("mlbuild.lock.json"),
            CacheDirectory = _project.File("cache"),
        };
    }

    private ITaskItem Plan()
    {
        var task = PlanTask();
        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        return Assert.Single(task.PlannedModels);
    }

    private void StandInWorker(ITaskItem planned, double trainingSeconds = 1.5, string model = "trained model")
    {
        var request = JsonSerializer.Deserialize<TrainRequest>(File.ReadAllText(planned.GetMetadata("RequestFile")), WorkerJson.Options)!;
        Assert.Equal(_project.File("data/train.csv"), request.TrainData);
        Assert.Equal(1, request.ItemLine);
        File.WriteAllText(request.ModelOutputPath, model);
        File.WriteAllText(request.ResultOutputPath, JsonSerializer.Serialize(new TrainResult
        {
            Trainer = "FastTree",
            Metrics = new SortedDictionary<string, double> { ["RSquared"] = 0.5 },
            TrainingSeconds = trainingSeconds,
            Columns = new SortedDictionary<string, string> { ["a"] = "Numeric" },
        }, WorkerJson.Options));
    }

    private void Commit(ITaskItem planned)
    {
        Assert.True(new CommitModel { BuildEngine = _engine, Model = planned, CacheDirectory = _project.File("cache") }.Execute());
        Assert.True(new WriteLockFile { BuildEngine = _engine, LockFile = _project.File("mlbuild.lock.json"), PlannedModels = [planned] }.Execute());
    }

    [Fact]
    public void An_up_to_date_model_leaves_the_lock_file_alone_and_an_undeclared_entry_is_still_dropped()
    {
        var first = Plan();
        StandInWorker(first);
        Commit(first);
        var lockFile = _project.File("mlbuild.lock.json");
        var upToDate = Plan();
        Assert.Equal(ModelAction.UpToDate, upToDate.GetMetadata("Action"));
        File.SetLastWriteTimeUtc(lockFile, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var bytes = File.ReadAllBytes(lockFile);

        Assert.True(new WriteLockFile { BuildEngine = _engine, LockFile = lockFile, PlannedModels = [upToDate] }.Execute());

        Assert.Equal(bytes, File.ReadAllBytes(lockFile));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(lockFile));

        var withRemoved = (JsonObject)JsonNode.Parse(File.ReadAllText(lockFile))!;
        withRemoved["models"]!["Removed"] = withRemoved["models"]!["M"]!.DeepClone();
        File.WriteAllText(lockFile, withRemoved.ToJsonString());

        Assert.True(new WriteLockFile { BuildEngine = _engine, LockFile = lockFile, PlannedModels = [upToDate] }.Execute());

        Assert.Equal(bytes, File.ReadAllBytes(lockFile));
    }

    [Fact]
    public void A_new_model_is_planned_for_training_then_committed_then_up_to_date()
    {
        var first = Plan();
        Assert.Equal(ModelAction.Train, first.GetMetadata("Action"));

        StandInWorker(first);
        Commit(first);

        Assert.Equal("trained model", File.ReadAllText(_project.File("bin/M.zip")));
        Assert.False(File.Exists(first.GetMetadata("TrainedModelFile")));
        Assert.Contains("\"RSquared\": 0.5", File.ReadAllText(_project.File("mlbuild.lock.json")));
        var second = Plan();
        Assert.Equal(ModelAction.UpToDate, second.GetMetadata("Action"));
        Assert.True(_engine.Logged("M is up to date"));
    }

    [Fact]
    public void Training_the_same_model_again_in_an_empty_cache_leaves_the_lock_file_as_committed()
    {
        var first = Plan();
        StandInWorker(first, trainingSeconds: 1.5);
        Commit(first);
        var committed = File.ReadAllText(_project.File("mlbuild.lock.json"));
        // A fresh clone: no output folder, no cache; the same inputs train the same bytes, only slower.
        Directory.Delete(_project.File("bin"), recursive: true);
        Directory.Delete(_project.File("cache"), recursive: true);

        var again = Plan();
        Assert.Equal(ModelAction.Train, again.GetMetadata("Action"));
        StandInWorker(again, trainingSeconds: 2.75);
        Commit(again);

        Assert.Equal(committed, File.ReadAllText(_project.File("mlbuild.lock.json")));
    }

    [Fact]
    public void A_different_model_records_its_own_training_time()
    {
        var first = Plan();
        StandInWorker(first, trainingSeconds: 1.5);
        Commit(first);
        _project.Write("data/train.csv", "a,Label\n1,2\n3,5\n");

        var changed = Plan();
        StandInWorker(changed, trainingSeconds: 2.75, model: "another model");
        Commit(changed);

        Assert.Contains("\"trainingSeconds\": 2.75", File.ReadAllText(_project.File("mlbuild.lock.json")));
    }

    [Fact]
    public void A_missing_output_model_is_restored_from_the_cache()
    {
        var first = Plan();
        StandInWorker(first);
        Commit(first);
        var lockText = File.ReadAllText(_project.File("mlbuild.lock.json"));
        File.Delete(_project.File("bin/M.zip"));

        var second = Plan();
        Assert.Equal(ModelAction.Restore, second.GetMetadata("Action"));
        Commit(second);

        Assert.Equal("trained model", File.ReadAllText(_project.File("bin/M.zip")));
        Assert.True(_engine.Logged("M restored from cache"));
        Assert.Equal(lockText, File.ReadAllText(_project.File("mlbuild.lock.json")));
    }

    [Fact]
    public void A_changed_data_file_plans_training_again()
    {
        var first = Plan();
        StandInWorker(first);
        Commit(first);

        _project.Write("data/train.csv", "a,Label\n1,2\n3,5\n");

        Assert.Equal(ModelAction.Train, Plan().GetMetadata("Action"));
    }

    [Fact]
    public void A_commit_without_worker_output_fails_and_leaves_the_previous_model()
    {
        var first = Plan();
        StandInWorker(first);
        Commit(first);
        _project.Write("data/train.csv", "a,Label\n1,2\n3,5\n");
        var second = Plan();

        var committed = new CommitModel { BuildEngine = _engine, Model = second, CacheDirectory = _project.File("cache") }.Execute();

        Assert.False(committed);
        Assert.Equal("MLB4004", Assert.Single(_engine.Errors).Code);
        Assert.Equal("trained model", File.ReadAllText(_project.File("bin/M.zip")));
    }

    [Fact]
    public void A_params_file_that_is_not_json_is_an_error_with_its_line()
    {
        _project.Write("params.json", "{\n  \"NumberOfTrees\": ,\n}");
        var task = PlanTask(("Params", "params.json"));

        Assert.False(task.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("MLB1007", error.Code);
        Assert.Equal(_project.File("params.json"), error.File);
        Assert.Equal(2, error.LineNumber);
    }
}
