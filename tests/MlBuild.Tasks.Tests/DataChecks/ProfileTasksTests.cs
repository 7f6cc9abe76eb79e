using MlBuild.Definitions;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Data.Checks;
using MlBuild.Data.Profiles;
using MlBuild.Protocol;
using MlBuild.Core.Caching;
using MlBuild.Core.LockFiles;
using MlBuild.Tasks;

namespace MlBuild.Tasks.Tests.DataChecks;

/// <summary>
/// The train target's tasks with a stand-in worker that writes a profile: the profile goes into the cache and beside
/// the model, the lock entry records it and the data's schema, the next request carries that schema, and a restore
/// brings the profile back.
/// </summary>
public sealed class ProfileTasksTests : IDisposable
{
    private readonly TestDirectory _project = new();
    private readonly FakeBuildEngine _engine = new();

    public ProfileTasksTests()
    {
        _project.Write("data/train.csv", "a,Label\n1,2\n3,4\n");
        _project.Write("p.csproj", "<Project><ItemGroup><MlModel Include=\"M\" /></ItemGroup></Project>");
    }

    public void Dispose() => _project.Dispose();

    private string OutputProfile => _project.File("bin/M.profile.json");

    private ITaskItem Plan(bool acceptSchemaChanges = false, params (string Key, string Value)[] metadata)
    {
        var item = new TaskItem("M");
        item.SetMetadata("Task", "Regression");
        item.SetMetadata("TrainData", "data/train.csv");
        foreach (var (key, value) in metadata)
            item.SetMetadata(key, value);
        var task = new PlanTraining
        {
            BuildEngine = _engine,
            Models = [item],
            ProjectFile = _project.File("p.csproj"),
            IntermediateDirectory = _project.File("obj/mlbuild"),
            OutputDirectory = _project.File("bin"),
            LockFile = _project.File("mlbuild.lock.json"),
            CacheDirectory = _project.File("cache"),
            AcceptSchemaChanges = acceptSchemaChanges,
        };
        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        return Assert.Single(task.PlannedModels);
    }

    private static TrainRequest Request(ITaskItem planned) =>
        JsonSerializer.Deserialize<TrainRequest>(File.ReadAllText(planned.GetMetadata("RequestFile")), WorkerJson.Options)!;

    /// <summary>What the worker writes: the model, the profile (of the real data file), then the result.</summary>
    private void StandInWorker(ITaskItem planned, string model = "trained model")
    {
        var request = Request(planned);
        File.WriteAllText(request.ModelOutputPath, model);
        var profile = FileProfiles.Of(request.TrainData, "M");
        File.WriteAllText(request.ProfileOutputPath!, ProfileJson.Serialize(profile));
        File.WriteAllText(request.ResultOutputPath, JsonSerializer.Serialize(new TrainResult
        {
            Trainer = "FastTree",
            Metrics = new SortedDictionary<string, double> { ["RSquared"] = 0.5 },
            Columns = new SortedDictionary<string, string> { ["a"] = "Numeric", ["Label"] = "Numeric" },
            Label = "Label",
        }, WorkerJson.Options));
    }

    private void Commit(ITaskItem planned)
    {
        Assert.True(new CommitModel { BuildEngine = _engine, Model = planned, CacheDirectory = _project.File("cache") }.Execute(),
            string.Join("\n", _engine.Errors.Select(e => e.Message)));
        Assert.True(new WriteLockFile { BuildEngine = _engine, LockFile = _project.File("mlbuild.lock.json"), PlannedModels = [planned] }.Execute());
    }

    private LockEntry Locked => LockFile.Load(_project.File("mlbuild.lock.json")).Models["M"];

    [Fact]
    public void A_trained_model_gets_its_profile_beside_it_in_the_cache_and_in_the_lock_entry_with_its_schema()
    {
        var planned = Plan();
        var request = Request(planned);
        Assert.Null(request.PreviousSchema);
        Assert.Equal(_project.File("obj/mlbuild/M.profile.json"), request.ProfileOutputPath);

        StandInWorker(planned);
        Commit(planned);

        Assert.True(File.Exists(OutputProfile));
        Assert.False(File.Exists(request.ProfileOutputPath));
        var entry = Locked;
        Assert.StartsWith("xxh128:", entry.ProfileHash);
        Assert.Equal(new FileInfo(OutputProfile).Length, entry.ProfileSize);
        Assert.Equal("Label", entry.Schema!.Label);
        Assert.Equal(new Dictionary<string, string> { ["Label"] = "Numeric", ["a"] = "Numeric" }, entry.Schema.Columns);
        var cached = new ModelCache(_project.File("cache")).Find(entry.Fingerprint!);
        Assert.Equal(CacheLookupResult.Hit, cached.Result);
        Assert.Equal(File.ReadAllText(OutputProfile), File.ReadAllText(cached.ProfilePath!));
        Assert.Equal(ModelAction.UpToDate, Plan().GetMetadata("Action"));
    }

    [Fact]
    public void The_next_training_is_asked_to_compare_with_the_recorded_schema_unless_the_change_is_accepted()
    {
        var first = Plan();
        StandInWorker(first);
        Commit(first);
        _project.Write("data/train.csv", "a,b,Label\n1,5,2\n3,6,4\n");

        var schema = Request(Plan()).PreviousSchema;
        var accepted = Request(Plan(acceptSchemaChanges: true)).PreviousSchema;

        Assert.Equal(["Label", "a"], schema!.Columns.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Label", schema.Label);
        Assert.Null(accepted);
    }

    [Fact]
    public void A_deleted_profile_makes_the_model_not_up_to_date_and_the_restore_brings_it_back()
    {
        var first = Plan();
        StandInWorker(first);
        Commit(first);
        var profile = File.ReadAllText(OutputProfile);
        File.Delete(OutputProfile);

        var planned = Plan();
        Assert.Equal(ModelAction.Restore, planned.GetMetadata("Action"));
        Commit(planned);

        Assert.Equal(profile, File.ReadAllText(OutputProfile));
        Assert.True(_engine.Logged("M restored from cache"));
    }

    [Fact]
    public void A_damaged_cached_profile_discards_the_entry()
    {
        var first = Plan();
        StandInWorker(first);
        Commit(first);
        var cache = new ModelCache(_project.File("cache"));
        var fingerprint = Locked.Fingerprint!;
        File.AppendAllText(Path.Combine(cache.EntryDirectory(fingerprint), ModelCache.ProfileFileName), " ");

        Assert.Equal(CacheLookupResult.Corrupt, cache.Find(fingerprint).Result);
        Assert.False(Directory.Exists(cache.EntryDirectory(fingerprint)));
    }

    [Fact]
    public void Leaving_unlabeled_rows_out_is_another_model_and_only_that_changes_the_fingerprint()
    {
        var fingerprint = Plan().GetMetadata("Fingerprint");

        Assert.Equal(fingerprint, Plan(false, ("Leakage", "error"), ("MinRows", "5")).GetMetadata("Fingerprint"));
        Assert.NotEqual(fingerprint, Plan(false, ("MissingLabels", "warning")).GetMetadata("Fingerprint"));
        Assert.Equal(CheckLevel.Warning, Request(Plan(false, ("MissingLabels", "warning"))).DataChecks!.MissingLabels);
    }
}
