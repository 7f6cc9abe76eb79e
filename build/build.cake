// The repository's build: dotnet tool restore, then dotnet cake build/build.cake --target=<Task>.
// Tasks: Clean, Restore, Build, Test, Pack, Train and Evaluate (the samples); Default runs them all.
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var repo = MakeAbsolute(Directory(".."));
var solution = repo.CombineWithFilePath("MlBuild.sln");
var packages = repo.Combine("artifacts/packages");
var samples = GetFiles(repo.FullPath + "/samples/*/*.csproj");

Task("Clean").Does(() =>
{
    CleanDirectory(repo.Combine("artifacts"));
    DotNetClean(solution.FullPath, new DotNetCleanSettings { Configuration = configuration });
    // The samples restore from artifacts/packages, which Clean just emptied: remove their outputs directly.
    // Trained models stay in the model cache, so the next Train restores them instead of training.
    DeleteDirectories(GetDirectories(repo.FullPath + "/samples/*/bin"), new DeleteDirectorySettings { Recursive = true });
    DeleteDirectories(GetDirectories(repo.FullPath + "/samples/*/obj"), new DeleteDirectorySettings { Recursive = true });
});

Task("Restore").Does(() => DotNetRestore(solution.FullPath));

Task("Build").IsDependentOn("Restore").Does(() =>
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test").IsDependentOn("Build").Does(() =>
    DotNetTest(solution.FullPath, new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

Task("Pack").IsDependentOn("Build").Does(() =>
{
    CleanDirectory(packages);
    DotNetPack(repo.CombineWithFilePath("src/MlBuild/MlBuild.csproj").FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = packages,
    });
});

Task("Train")
    .Description("Builds every sample against the freshly packed MlBuild, which trains their models, and runs one.")
    .IsDependentOn("Pack")
    .Does(() =>
{
    ForgetInstalledMlBuild();
    foreach (var sample in samples)
    {
        Information($"Building {sample.GetFilenameWithoutExtension()}");
        DotNetBuild(sample.FullPath, new DotNetBuildSettings { Configuration = configuration });
    }
    DotNetRun(repo.CombineWithFilePath("samples/Iris/Iris.csproj").FullPath,
        new DotNetRunSettings { Configuration = configuration, NoBuild = true });
});

Task("Evaluate")
    .Description("Evaluates every sample's models against their baseline (the committed lock file) and applies the gates.")
    .IsDependentOn("Train")
    .Does(() =>
{
    foreach (var sample in samples)
    {
        Information($"Evaluating {sample.GetFilenameWithoutExtension()}");
        DotNetBuild(sample.FullPath, new DotNetBuildSettings
        {
            Configuration = configuration,
            NoRestore = true,
            ArgumentCustomization = args => args.Append("-t:Evaluate"),
        });
    }
});

Task("Default").IsDependentOn("Clean").IsDependentOn("Test").IsDependentOn("Evaluate");

RunTarget(target);

// Each pack has the same version; NuGet would keep serving the copy it extracted first. Removing that copy
// makes the samples restore the package just packed.
void ForgetInstalledMlBuild()
{
    var settings = new ProcessSettings { Arguments = "nuget locals global-packages --list", RedirectStandardOutput = true };
    using var process = StartAndReturnProcess("dotnet", settings);
    process.WaitForExit();
    var line = process.GetStandardOutput().FirstOrDefault(l => l.Contains("global-packages:")) ?? "";
    var globalPackages = line.Substring(line.IndexOf(':') + 1).Trim();
    var installed = System.IO.Path.Combine(globalPackages, "mlbuild");
    if (globalPackages.Length > 0 && System.IO.Directory.Exists(installed))
    {
        Verbose($"Removing {installed}");
        System.IO.Directory.Delete(installed, recursive: true);
    }
}
