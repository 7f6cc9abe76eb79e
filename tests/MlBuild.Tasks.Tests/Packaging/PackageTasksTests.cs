using MlBuild.Protocol;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Baselines;
using MlBuild.Core.Hashing;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Packaging;
using MlBuild.Tasks;

namespace MlBuild.Tasks.Tests.Packaging;

/// <summary>
/// The tasks of the MlBuildPackage target against a fake build engine, with stand-ins for the train target (a lock
/// entry and a model file), the worker's describe command (a schema file) and NuGet's Pack (a .nupkg file): refusals,
/// what is staged for NuGet, and a package that is up to date.
/// </summary>
public sealed class PackageTasksTests : IDisposable
{
    private const string Fingerprint = "85ab31e45782534349a15eeb91449526";
    private readonly TestDirectory _project = new();
    private readonly FakeBuildEngine _engine = new();

    public PackageTasksTests()
    {
        _project.Write("p.csproj", "<Project>\n  <ItemGroup>\n    <MlModel Include=\"M\" />\n  </ItemGroup>\n</Project>\n");
        _project.Write("bin/M.zip", "trained model");
        var entry = PackagingFixtures.IrisEntry();
        entry["fingerprint"] = Fingerprint;
        entry["model"] = new JsonObject { ["hash"] = ContentHash.OfFile(_project.File("bin/M.zip")), ["size"] = 13 };
        var lockFile = LockFile.Empty();
        lockFile.Models["M"] = new LockEntry(entry);
        lockFile.Save(_project.File("mlbuild.lock.json"));
    }

    public void Dispose() => _project.Dispose();

    private PlanModelPackages PlanTask(bool force = false, string fingerprint = Fingerprint, params (string Key, string Value)[] metadata)
    {
        var model = new TaskItem("M");
        foreach (var (key, value) in metadata)
            model.SetMetadata(key, value);
        var planned = new TaskItem("M");
        planned.SetMetadata("Fingerprint", fingerprint);
        planned.SetMetadata("OutputFile", _project.File("bin/M.zip"));
        return new PlanModelPackages
        {
            BuildEngine = _engine,
            Models = [model],
            PlannedModels = [planned],
            ProjectFile = _project.File("p.csproj"),
            LockFile = _project.File("mlbuild.lock.json"),
            IntermediateDirectory = _project.File("obj/mlbuild"),
            OutputDirectory = _project.File("bin"),
            PackageIdPrefix = "Samples.Models.",
            ProjectVersion = "1.2.0",
            Force = force,
        };
    }

    private ITaskItem Plan()
    {
        var task = PlanTask();
        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        return Assert.Single(task.PackagedModels);
    }

    private static void StandInDescribe(ITaskItem planned) =>
        File.WriteAllText(planned.GetMetadata("SchemaFile"), DescribeJson.Serialize(PackagingFixtures.IrisSchemas()));

    private WriteModelPackages WriteTask(ITaskItem planned) => new()
    {
        BuildEngine = _engine,
        PackagedModels = [planned],
        ProjectFile = _project.File("p.csproj"),
        PackageOutputPath = _project.File("bin/packages"),
        PackTargetFramework = "net10.0",
        Authors = "Team",
        Git = new ScriptedGitRunner(_ => new GitResult(128, "", "not a repository")),
        Now = () => new DateTimeOffset(2025, 11, 24, 21, 30, 0, TimeSpan.Zero),
        ReadEnvironment = _ => null,
    };

    /// <summary>What the Pack step does once NuGet packed: the package exists and its stamp is kept.</summary>
    private static void StandInPack(ITaskItem packProject)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(packProject.GetMetadata("PackageFile"))!);
        File.WriteAllText(packProject.GetMetadata("PackageFile"), "nupkg");
        File.Copy(packProject.GetMetadata("PendingStampFile"), packProject.GetMetadata("StampFile"), overwrite: true);
    }

    private BuildErrorEventArgs Error(string code) => Assert.Single(_engine.Errors, e => e.Code == code);

    [Fact]
    public void A_trained_model_is_planned_then_staged_with_its_manifest_card_nuspec_and_pack_project()
    {
        var planned = Plan();
        Assert.Equal(("Samples.Models.M", "1.2.0", "true"),
            (planned.GetMetadata("PackageId"), planned.GetMetadata("PackageVersion"), planned.GetMetadata("Describe")));
        StandInDescribe(planned);

        var write = WriteTask(planned);
        Assert.True(write.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var packProject = Assert.Single(write.PackProjects);
        var staging = Path.GetDirectoryName(packProject.ItemSpec)!;
        Assert.Equal(_project.File("bin/packages/Samples.Models.M.1.2.0.nupkg"), packProject.GetMetadata("PackageFile"));
        Assert.Equal("trained model", File.ReadAllText(Path.Combine(staging, "model/M.zip")));
        var manifest = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(staging, "mlmodel.json")))!;
        Assert.Equal(("M", "Samples.Models.M", "1.2.0"), ((string?)manifest["name"], (string?)manifest["packageId"], (string?)manifest["version"]));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("trained model"))).ToLowerInvariant(),
            (string?)manifest["model"]!["sha256"]);
        Assert.Equal("not-evaluated", (string?)manifest["evaluation"]!["status"]);
        Assert.Null(manifest["lineage"]!["git"]);
        Assert.Equal("p.csproj", (string?)manifest["lineage"]!["project"]);
        Assert.Equal("2025-11-24T21:30:00Z", (string?)manifest["lineage"]!["builtAt"]);
        Assert.StartsWith("# M 1.2.0", File.ReadAllText(Path.Combine(staging, "README.md")));
        Assert.Contains("<dependency id=\"MlBuild\"", File.ReadAllText(Path.Combine(staging, "Samples.Models.M.nuspec")));
        Assert.Contains("Link=\"M.mlmodel.json\"", File.ReadAllText(Path.Combine(staging, "build/Samples.Models.M.targets")));
        Assert.Contains("<DeterministicTimestamp>1764019800</DeterministicTimestamp>", File.ReadAllText(packProject.ItemSpec));
    }

    [Fact]
    public void A_package_already_packed_from_the_same_content_is_up_to_date_and_its_schema_is_not_read_again()
    {
        var first = Plan();
        StandInDescribe(first);
        var write = WriteTask(first);
        Assert.True(write.Execute());
        StandInPack(Assert.Single(write.PackProjects));

        var second = Plan();
        Assert.Equal("false", second.GetMetadata("Describe"));
        var again = WriteTask(second);
        again.Now = () => DateTimeOffset.UtcNow;
        Assert.True(again.Execute());

        Assert.Empty(again.PackProjects);
        Assert.True(_engine.Logged("Samples.Models.M 1.2.0 is up to date"));
    }

    [Fact]
    public void A_new_model_is_described_and_packed_again()
    {
        var first = Plan();
        StandInDescribe(first);
        var write = WriteTask(first);
        Assert.True(write.Execute());
        StandInPack(Assert.Single(write.PackProjects));
        _project.Write("bin/M.zip", "another model");
        var lockFile = LockFile.Load(_project.File("mlbuild.lock.json"));
        lockFile.Models["M"].Json["model"] = new JsonObject { ["hash"] = ContentHash.OfFile(_project.File("bin/M.zip")), ["size"] = 13 };
        lockFile.Save(_project.File("mlbuild.lock.json"));

        var second = Plan();

        Assert.Equal("true", second.GetMetadata("Describe"));
        Assert.False(File.Exists(second.GetMetadata("SchemaFile")));
        StandInDescribe(second);
        var again = WriteTask(second);
        Assert.True(again.Execute());
        Assert.Single(again.PackProjects);
    }

    [Fact]
    public void Failed_gates_of_this_model_are_MLB7001_at_its_item_and_a_warning_with_force()
    {
        const string Evaluation = """{ "models": { "M": { "passed": false, "gates": [ { "metric": "MacroAccuracy", "status": "failed", "message": "M: MacroAccuracy 0.5 is below the minimum 0.9" } ] } } }""";
        _project.Write("obj/mlbuild/evaluation.json", Evaluation);
        _project.Write("obj/mlbuild/evaluation.fingerprints",
            $":evaluation.json={Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Evaluation)))}\nM={Fingerprint}\n");

        var refused = PlanTask();
        Assert.False(refused.Execute());
        Assert.Empty(refused.PackagedModels);
        var error = Error("MLB7001");
        Assert.Equal((_project.File("p.csproj"), 3), (error.File, error.LineNumber));
        Assert.Contains("M: MacroAccuracy 0.5 is below the minimum 0.9", error.Message);

        _engine.Errors.Clear();
        var forced = PlanTask(force: true);
        Assert.True(forced.Execute());
        var planned = Assert.Single(forced.PackagedModels);
        Assert.Contains(_engine.Warnings, w => w.Code == "MLB7001");
        var plan = PackagePlan.Load(planned.GetMetadata("PlanFile"));
        Assert.StartsWith("MLB7001: M: the last evaluation of this model failed", Assert.Single(plan.Forced));
        Assert.Equal("failed", plan.Evaluation.Status);
    }

    [Fact]
    public void A_lock_entry_that_does_not_match_the_current_fingerprint_is_MLB7002_unless_forced()
    {
        var refused = PlanTask(fingerprint: "ffffffffffffffffffffffffffffffff");
        Assert.False(refused.Execute());
        Assert.Contains("data/train.tsv is gone", Error("MLB7002").Message);

        _engine.Errors.Clear();
        var forced = PlanTask(force: true, fingerprint: "ffffffffffffffffffffffffffffffff");
        Assert.True(forced.Execute());
        Assert.Contains(_engine.Warnings, w => w.Code == "MLB7002");
    }

    [Fact]
    public void A_model_file_that_is_not_the_locked_model_is_MLB7003_even_when_forced()
    {
        _project.Write("bin/M.zip", "a model from elsewhere");

        var task = PlanTask(force: true);

        Assert.False(task.Execute());
        Assert.Contains("is not the model", Error("MLB7003").Message);
        Assert.Empty(task.PackagedModels);
    }

    [Fact]
    public void An_invalid_version_or_id_is_MLB7004_at_the_item()
    {
        var task = PlanTask(metadata: [("PackageVersion", "one"), ("PackageId", "My Models")]);

        Assert.False(task.Execute());
        Assert.Equal(2, _engine.Errors.Count(e => e.Code == "MLB7004"));
        Assert.All(_engine.Errors, e => Assert.Equal(3, e.LineNumber));
    }

    [Fact]
    public void A_model_with_Package_false_is_not_packaged()
    {
        var task = PlanTask(metadata: [("Package", "false")]);

        Assert.True(task.Execute());
        Assert.Empty(task.PackagedModels);
    }
}
