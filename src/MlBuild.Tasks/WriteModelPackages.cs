using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MlBuild.Core.Baselines;
using MlBuild.Core.IO;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Packaging;
using MlBuild.Protocol;
using MsBuildTask = Microsoft.Build.Utilities.Task;

namespace MlBuild.Tasks;

/// <summary>
/// Stages each planned model package under obj/: the model and its companions (.onnx, .profile.json), the manifest
/// mlmodel.json, the model card README.md, the consumer's build/&lt;id&gt;.targets, a nuspec and a pack project that
/// NuGet's Pack target packs next. A package whose content is the same as the one already packed is up to date and
/// left alone.
/// </summary>
public sealed class WriteModelPackages : MsBuildTask
{
    /// <summary>PlanModelPackages' items, their schemas described.</summary>
    public ITaskItem[] PackagedModels { get; set; } = [];
    [Required] public string ProjectFile { get; set; } = "";
    /// <summary>Where the .nupkg files go (MlBuildPackageOutputPath).</summary>
    [Required] public string PackageOutputPath { get; set; } = "";
    /// <summary>A framework the SDK targets without a download (the SDK's own: BundledNETCoreAppTargetFramework).</summary>
    public string? PackTargetFramework { get; set; }
    public string? Authors { get; set; }
    public string? LicenseExpression { get; set; }
    public string? ProjectUrl { get; set; }
    public string? Copyright { get; set; }
    /// <summary>Extra tags (the project's PackageTags), beside mlbuild-model, ML.NET and the task.</summary>
    public string? Tags { get; set; }

    /// <summary>The pack projects of the packages to pack, with ModelName, PackageId, PackageVersion, PackageFile,
    /// StampFile and PendingStampFile metadata.</summary>
    [Output] public ITaskItem[] PackProjects { get; private set; } = [];

    /// <summary>Git, the clock and the environment (SOURCE_DATE_EPOCH); tests set their own.</summary>
    internal IGitRunner Git { get; set; } = new ProcessGitRunner();
    internal Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;
    internal Func<string, string?> ReadEnvironment { get; set; } = Environment.GetEnvironmentVariable;

    public override bool Execute()
    {
        if (PackagedModels.Length == 0)
            return true;
        var lineage = new GitLineageReader(Git).Read(ProjectFile);
        var project = lineage.ProjectPathInRepository ?? Path.GetFileName(ProjectFile);
        var builtAt = BuildTime();
        var packProjects = new List<ITaskItem>();
        foreach (var model in PackagedModels)
        {
            var item = Stage(model, lineage, project, builtAt);
            if (item is not null)
                packProjects.Add(item);
        }
        PackProjects = packProjects.ToArray();
        return !Log.HasLoggedErrors;
    }

    private ITaskItem? Stage(ITaskItem model, GitLineageReader.Result lineage, string project, DateTimeOffset builtAt)
    {
        var plan = PackagePlan.Load(model.GetMetadata(PackageMetadata.PlanFile));
        var staging = Path.GetFullPath(model.GetMetadata(PackageMetadata.StagingDirectory));
        var schemas = DescribeJson.Parse(File.ReadAllText(model.GetMetadata(PackageMetadata.SchemaFile)));
        var facts = ModelFileHasher.Facts(plan.ModelFile, (string?)plan.LockEntry["model"]?["hash"]);
        var git = lineage.Git;

        var files = new List<(string Source, PackageProject.PackedFile File)>
        {
            (plan.ModelFile, new($"model/{plan.Name}.zip", plan.Name + ".zip")),
        };
        if (plan.OnnxFile is not null)
            files.Add((plan.OnnxFile, new($"model/{plan.Name}.onnx", plan.Name + ".onnx")));
        if (plan.ProfileFile is not null)
            files.Add((plan.ProfileFile, new($"model/{plan.Name}.profile.json", plan.Name + ".profile.json")));
        var packed = files.Select(f => f.File).Concat(
        [
            new PackageProject.PackedFile(ManifestBuilder.FileName, plan.Name + ".mlmodel.json"),
            new PackageProject.PackedFile(ModelCard.FileName, null),
        ]).ToList();

        var task = (string?)plan.LockEntry["task"] ?? "";
        var package = new PackageProject(staging, new PackageProject.Metadata
        {
            Id = plan.PackageId,
            Version = plan.Version,
            Description = ManifestBuilder.Description(plan, task),
            Authors = string.IsNullOrWhiteSpace(Authors) ? Path.GetFileNameWithoutExtension(ProjectFile) : Authors.Trim(),
            LicenseExpression = NullIfEmpty(LicenseExpression),
            ProjectUrl = NullIfEmpty(ProjectUrl),
            Copyright = NullIfEmpty(Copyright),
            Tags = ["mlbuild-model", "ML.NET", task, .. (Tags ?? "").Split([';', ' ', ','], StringSplitOptions.RemoveEmptyEntries)],
            RepositoryUrl = RepositoryUrl(git?.Remote),
            RepositoryCommit = git?.Commit,
            Dependencies = Dependencies(plan.LockEntry),
        });
        var packageFile = Path.Combine(Path.GetFullPath(PackageOutputPath), PackageNames.PackageFileName(plan.PackageId, plan.Version));

        // Up to date when what would be packed is what was packed last, and that package is still there.
        var stamp = PackageStamp.Compute(ManifestJson.Serialize(ManifestBuilder.Build(plan, schemas, facts, git, project, builtAt: null)),
            package.Nuspec(packed), package.ConsumerTargets(packed),
            files.Select(f => f.File.PackagePath + "=" + ModelFileHasher.Sha256(f.Source)), packageFile);
        if (PackageStamp.IsUpToDate(staging, stamp, packageFile))
        {
            Log.LogMessage(MessageImportance.High, "{0}: {1} {2} is up to date ({3})", plan.Name, plan.PackageId, plan.Version, packageFile);
            return null;
        }

        foreach (var (source, file) in files)
            AtomicFile.Copy(source, Path.Combine(staging, file.PackagePath));
        var manifest = ManifestBuilder.Build(plan, schemas, facts, git, project, builtAt);
        AtomicFile.WriteAllText(Path.Combine(staging, ManifestBuilder.FileName), ManifestJson.Serialize(manifest));
        AtomicFile.WriteAllText(Path.Combine(staging, ModelCard.FileName), ModelCard.Render(manifest));
        package.Write(packed, TargetFramework(), PackageOutputPath, builtAt);
        AtomicFile.WriteAllText(Path.Combine(staging, PackageStamp.PendingFileName), stamp);

        var item = new TaskItem(package.ProjectFile);
        item.SetMetadata(PackageMetadata.ModelName, plan.Name);
        item.SetMetadata(PackageMetadata.PackageId, plan.PackageId);
        item.SetMetadata(PackageMetadata.PackageVersion, plan.Version);
        item.SetMetadata(PackageMetadata.PackageFile, packageFile);
        item.SetMetadata(PackageMetadata.StampFile, Path.Combine(staging, PackageStamp.FileName));
        item.SetMetadata(PackageMetadata.PendingStampFile, Path.Combine(staging, PackageStamp.PendingFileName));
        return item;
    }

    /// <summary>What an application needs to load the model: MlBuild's runtime library (its lib/ only: no training
    /// targets) and the ML.NET packages the model was trained with, at least at their versions.</summary>
    private static IReadOnlyList<(string, string, string?)> Dependencies(JsonObject entry)
    {
        var dependencies = new List<(string, string, string?)> { ("MlBuild", MlBuildVersion.Current, "Build,Analyzers") };
        foreach (var (library, version) in (entry["versions"] as JsonObject ?? []).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if ((library == "Microsoft.ML" || library.StartsWith("Microsoft.ML.", StringComparison.Ordinal))
                && (string?)version is { Length: > 0 } text && PackageNames.IsValidVersion(text))
                dependencies.Add((library, text, null));
        }
        return dependencies;
    }

    /// <summary>NuGet's repository element takes an http(s) URL; an ssh remote is left to the manifest.</summary>
    private static string? RepositoryUrl(string? remote) =>
        remote is not null && (remote.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || remote.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ? remote : null;

    private string TargetFramework() =>
        NullIfEmpty(PackTargetFramework) ?? $"net{Environment.Version.Major}.0";

    /// <summary>Now, to the second; SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, so that the same
    /// commit packs the same bytes.</summary>
    private DateTimeOffset BuildTime()
    {
        if (long.TryParse(ReadEnvironment("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        var now = Now();
        return DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
