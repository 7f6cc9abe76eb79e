using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Protocol;
using MlBuild.Core.Caching;
using MlBuild.Core.LockFiles;
using MlBuild.Tasks;

namespace MlBuild.Tasks.Tests.Export;

/// <summary>
/// ExportOnnx through the train target's tasks, with a stand-in worker that writes an ONNX file when asked: the file goes
/// into the cache and beside the model, the lock entry records it, a missing one is restored from the cache, a model that
/// no longer exports loses it, and ExportOnnx (with the converter's version) is part of the exporting model's fingerprint
/// only.
/// </summary>
public sealed class OnnxTasksTests : IDisposable
{
    private readonly TestDirectory _project = new();
    private readonly FakeBuildEngine _engine = new();

    public OnnxTasksTests()
    {
        _project.Write("data/train.csv", "a,Label\n1,2\n3,4\n");
        _project.Write("p.csproj", "<Project><ItemGroup><MlModel Include=\"M\" /></ItemGroup></Project>");
    }

    public void Dispose() => _project.Dispose();

    private string OutputOnnx => _project.File("bin/M.onnx");

    private static readonly ITaskItem[] ConverterReference =
    [
        new TaskItem("/nuget/microsoft.ml.onnxconverter/0.23.1/lib/netstandard2.0/Microsoft.ML.OnnxConverter.dll",
            new Dictionary<string, string> { ["NuGetPackageId"] = "Microsoft.ML.OnnxConverter", ["NuGetPackageVersion"] = "0.23.1" }),
    ];

    private ITaskItem Plan(string? exportOnnx = "true", ITaskItem[]? references = null)
    {
        var item = new TaskItem("M");
        item.SetMetadata("Task", "Regression");
        item.SetMetadata("TrainData", "data/train.csv");
        if (exportOnnx is not null)
            item.SetMetadata("ExportOnnx", exportOnnx);
        var task = new PlanTraining
        {
            BuildEngine = _engine,
            Models = [item],
            ProjectFile = _project.File("p.csproj"),
            IntermediateDirectory = _project.File("obj/mlbuild"),
            OutputDirectory = _project.File("bin"),
            LockFile = _project.File("mlbuild.lock.json"),
            CacheDirectory = _project.File("cache"),
            References = references ?? ConverterReference,
        };
        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        return Assert.Single(task.PlannedModels);
    }

    private static TrainRequest Request(ITaskItem planned) =>
        JsonSerializer.Deserialize<TrainRequest>(File.ReadAllText(planned.GetMetadata("RequestFile")), WorkerJson.Options)!;

    /// <summary>What the worker writes: the model, the ONNX file when the request asks for one, then the result.</summary>
    private static void StandInWorker(ITaskItem planned, string onnx = "onnx bytes", bool writeOnnx = true)
    {
        var request = Request(planned);
        File.WriteAllText(request.ModelOutputPath, "trained model");
        if (request.OnnxOutputPath is not null && writeOnnx)
            File.WriteAllText(request.OnnxOutputPath, onnx);
        File.WriteAllText(request.ResultOutputPath, JsonSerializer.Serialize(new TrainResult
        {
            Trainer = "FastTree",
            Metrics = new SortedDictionary<string, double> { ["RSquared"] = 0.5 },
            Columns = new SortedDictionary<string, string> { ["a"] = "Numeric", ["Label"] = "Numeric" },
            Label = "Label",
        }, WorkerJson.Options));
    }

    private bool Commit(ITaskItem planned)
    {
        if (!new CommitModel { BuildEngine = _engine, Model = planned, CacheDirectory = _project.File("cache") }.Execute())
            return false;
        Assert.True(new WriteLockFile { BuildEngine = _engine, LockFile = _project.File("mlbuild.lock.json"), PlannedModels = [planned] }.Execute());
        return true;
    }

    private void Train(string? exportOnnx = "true", string onnx = "onnx bytes")
    {
        var planned = Plan(exportOnnx);
        Assert.Equal(ModelAction.Train, planned.GetMetadata("Action"));
        StandInWorker(planned, onnx);
        Assert.True(Commit(planned), string.Join("\n", _engine.Errors.Select(e => e.Message)));
    }

    private LockEntry Locked => LockFile.Load(_project.File("mlbuild.lock.json")).Models["M"];

    [Fact]
    public void An_exported_model_gets_its_onnx_file_beside_it_in_the_cache_and_in_the_lock_entry()
    {
        var planned = Plan();
        var request = Request(planned);
        Assert.Equal(_project.File("obj/mlbuild/M.trained.onnx"), request.OnnxOutputPath);

        StandInWorker(planned);
        Assert.True(Commit(planned));

        Assert.Equal("onnx bytes", File.ReadAllText(OutputOnnx));
        Assert.False(File.Exists(request.OnnxOutputPath));
        var entry = Locked;
        Assert.StartsWith("xxh128:", entry.OnnxHash);
        Assert.Equal(new FileInfo(OutputOnnx).Length, entry.OnnxSize);
        var cached = new ModelCache(_project.File("cache")).Find(entry.Fingerprint!);
        Assert.Equal(CacheLookupResult.Hit, cached.Result);
        Assert.Equal("onnx bytes", File.ReadAllText(cached.OnnxPath!));
        Assert.Equal(ModelAction.UpToDate, Plan().GetMetadata("Action"));
    }

    [Fact]
    public void A_deleted_or_changed_onnx_file_makes_the_model_not_up_to_date_and_the_restore_brings_it_back()
    {
        Train();
        File.Delete(OutputOnnx);

        var afterDelete = Plan();
        Assert.Equal(ModelAction.Restore, afterDelete.GetMetadata("Action"));
        Assert.True(Commit(afterDelete));
        Assert.Equal("onnx bytes", File.ReadAllText(OutputOnnx));

        File.WriteAllText(OutputOnnx, "edited");
        var afterEdit = Plan();
        Assert.Equal(ModelAction.Restore, afterEdit.GetMetadata("Action"));
        Assert.True(Commit(afterEdit));
        Assert.Equal("onnx bytes", File.ReadAllText(OutputOnnx));
    }

    [Fact]
    public void Turning_ExportOnnx_off_removes_the_onnx_file_and_turning_it_on_again_restores_it_from_the_cache()
    {
        Train();
        var exporting = Locked.Fingerprint;

        var off = Plan(exportOnnx: "false");
        Assert.NotEqual(exporting, off.GetMetadata("Fingerprint"));
        Assert.Null(Request(off).OnnxOutputPath);
        StandInWorker(off);
        Assert.True(Commit(off));
        Assert.False(File.Exists(OutputOnnx));
        Assert.Null(Locked.OnnxHash);

        var on = Plan();
        Assert.Equal(ModelAction.Restore, on.GetMetadata("Action"));
        Assert.True(Commit(on));
        Assert.Equal("onnx bytes", File.ReadAllText(OutputOnnx));
        Assert.Equal(exporting, Locked.Fingerprint);
    }

    [Fact]
    public void A_damaged_cached_onnx_file_discards_the_entry()
    {
        Train();
        var cache = new ModelCache(_project.File("cache"));
        var fingerprint = Locked.Fingerprint!;
        File.AppendAllText(Path.Combine(cache.EntryDirectory(fingerprint), ModelCache.OnnxFileName), " ");

        Assert.Equal(CacheLookupResult.Corrupt, cache.Find(fingerprint).Result);
        Assert.False(Directory.Exists(cache.EntryDirectory(fingerprint)));
    }

    [Fact]
    public void A_worker_that_did_not_write_the_onnx_file_it_was_asked_for_fails_the_commit_with_MLB4004()
    {
        var planned = Plan();
        StandInWorker(planned, writeOnnx: false);

        Assert.False(Commit(planned));

        Assert.Equal("MLB4004", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(_project.File("bin/M.zip")));
        Assert.False(File.Exists(_project.File("mlbuild.lock.json")));
    }

    [Fact]
    public void ExportOnnx_and_the_converter_version_are_in_the_exporting_model_fingerprint_only()
    {
        // Each plan rewrites the model's recipe file: read at once.
        (string Fingerprint, JsonObject Recipe) PlanRecipe(string? exportOnnx, ITaskItem[] references)
        {
            var planned = Plan(exportOnnx, references);
            return (planned.GetMetadata("Fingerprint"),
                (JsonObject)JsonNode.Parse(File.ReadAllText(planned.GetMetadata("RecipeFile")))!);
        }
        var plain = PlanRecipe(exportOnnx: null, references: []);
        var plainWithConverter = PlanRecipe(exportOnnx: "false", references: ConverterReference);
        var exporting = PlanRecipe(exportOnnx: "true", references: ConverterReference);

        // Referencing the converter (to export another model) and ExportOnnx="false" leave a model as it was.
        Assert.Equal(plain.Fingerprint, plainWithConverter.Fingerprint);
        Assert.Null(plainWithConverter.Recipe["versions"]!["Microsoft.ML.OnnxConverter"]);
        Assert.Null(plainWithConverter.Recipe["declaration"]!["exportOnnx"]);
        Assert.NotEqual(plain.Fingerprint, exporting.Fingerprint);
        Assert.True((bool)exporting.Recipe["declaration"]!["exportOnnx"]!);
        Assert.Equal("0.23.1", (string?)exporting.Recipe["versions"]!["Microsoft.ML.OnnxConverter"]);
    }
}
