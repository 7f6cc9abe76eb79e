// The repository's build: dotnet tool restore, then dotnet cake build/build.cake --target=<Task>.
// Tasks: Clean, Restore, Build, Test, Pack, Train and Evaluate (the samples), PackageModel (the samples' models as
// NuGet packages in artifacts/packages), Consume (builds and runs samples/IrisConsumer on the Iris model package),
// Report (combines the samples' HTML reports into artifacts/reports/report.html, posts their evaluation to the pull
// request in GitHub Actions); Default runs Clean to Consume; CI runs
// what .github/workflows/ci.yml runs.
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var repo = MakeAbsolute(Directory(".."));
var solution = repo.CombineWithFilePath("MlBuild.sln");
var packages = repo.Combine("artifacts/packages");
// The samples that declare models; the others (samples/IrisConsumer) consume the model packages of these.
var samples = GetFiles(repo.FullPath + "/samples/*/*.csproj")
    .Where(project => System.IO.File.ReadAllText(project.FullPath).Contains("<MlModel ")).ToList();
var consumer = repo.CombineWithFilePath("samples/IrisConsumer/IrisConsumer.csproj");
var reports = repo.Combine("artifacts/reports");
var failedEvaluations = new List<string>();

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
    .Description("Evaluates every sample's models against their baseline (the committed lock file, or the pull request's base branch) and applies the gates.")
    .IsDependentOn("Train")
    .Does(() =>
{
    CleanDirectory(reports);
    // Every sample is evaluated before the task fails, and (in CI) the reports are posted before the build fails.
    foreach (var sample in samples)
    {
        var name = sample.GetFilenameWithoutExtension().ToString();
        Information($"Evaluating {name}");
        try
        {
            DotNetBuild(sample.FullPath, new DotNetBuildSettings
            {
                Configuration = configuration,
                NoRestore = true,
                ArgumentCustomization = args => args
                    .Append("-t:Evaluate")
                    // The Report task posts one comment for all samples, so the projects do not post their own.
                    .Append("-p:MlBuildPostReport=false")
                    .AppendQuoted($"-p:MlBuildReportDirectory={reports.Combine(name).FullPath}"),
            });
        }
        catch (Exception e)
        {
            Error($"{name}: {e.Message}");
            failedEvaluations.Add(name);
        }
    }
    if (failedEvaluations.Count > 0 && target != "CI")
        throw new Exception($"Evaluation failed for {string.Join(", ", failedEvaluations)}.");
});

Task("Report")
    .Description("Combines the samples' HTML reports into artifacts/reports/report.html and posts their saved evaluation reports as one pull-request comment (in GitHub Actions, with a token); elsewhere it says why it did not post.")
    .Does(() =>
{
    var saved = GetDirectories(reports.FullPath + "/*");
    if (saved.Count == 0)
    {
        Warning($"No saved report under {reports}: run the Evaluate task first.");
        return;
    }
    // The samples' HTML reports as one file beside them, written before posting, so that it exists (and the CI
    // workflow uploads it) whatever becomes of the comment.
    var html = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(repo.CombineWithFilePath("src/MlBuild.Tool/MlBuild.Tool.csproj").FullPath)
        .Append("-c").Append(configuration).Append("--")
        .Append("report").Append("html").Append("--output").AppendQuoted(reports.CombineWithFilePath("report.html").FullPath)
        .Append("--title").AppendQuoted("MlBuild evaluation of the samples");
    foreach (var directory in saved)
        html.AppendQuoted(directory.FullPath);
    if (StartProcess("dotnet", new ProcessSettings { Arguments = html, WorkingDirectory = repo }) != 0)
        throw new Exception("Combining the HTML reports failed.");

    var arguments = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(repo.CombineWithFilePath("src/MlBuild.Tool/MlBuild.Tool.csproj").FullPath)
        .Append("-c").Append(configuration).Append("--")
        .Append("report").Append("post").Append("--report-id").Append("samples");
    foreach (var directory in saved)
        arguments.AppendQuoted(directory.FullPath);
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = repo });
    if (exitCode != 0)
        throw new Exception($"Posting the report failed (exit code {exitCode}).");
});

Task("PackageModel")
    .Description("Packs each sample's evaluated models into artifacts/packages: NuGet packages with the model, its manifest (mlmodel.json) and model card.")
    .IsDependentOn("Evaluate")
    .Does(() =>
{
    foreach (var sample in samples)
    {
        Information($"Packaging the models of {sample.GetFilenameWithoutExtension()}");
        DotNetBuild(sample.FullPath, new DotNetBuildSettings
        {
            Configuration = configuration,
            NoRestore = true,
            ArgumentCustomization = args => args
                .Append("-t:PackageModel")
                .AppendQuoted($"-p:MlBuildPackageOutputPath={packages.FullPath}/"),
        });
    }
});

Task("Consume")
    .Description("Builds and runs samples/IrisConsumer, an app that references the Iris model package from artifacts/packages.")
    .IsDependentOn("PackageModel")
    .Does(() =>
{
    // Every model package is packed again with the same version: the consumer must restore the one just packed.
    ForgetInstalled(GetFiles(packages.FullPath + "/*.Models.*.nupkg").Select(PackageIdOf).Distinct());
    DotNetBuild(consumer.FullPath, new DotNetBuildSettings { Configuration = configuration });
    DotNetRun(consumer.FullPath, new DotNetRunSettings { Configuration = configuration, NoBuild = true });
});

Task("CI")
    .Description("What CI runs: restore, build (which trains), test, evaluate and report; fails after reporting when a gate failed.")
    .IsDependentOn("Test")
    .IsDependentOn("Evaluate")
    .IsDependentOn("Report")
    .Does(() =>
{
    if (failedEvaluations.Count > 0)
        throw new Exception($"Evaluation failed for {string.Join(", ", failedEvaluations)}: see the report.");
});

Task("Default").IsDependentOn("Clean").IsDependentOn("Test").IsDependentOn("Evaluate").IsDependentOn("Consume");

RunTarget(target);

// Each pack has the same version; NuGet would keep serving the copy it extracted first. Removing that copy
// makes the samples restore the package just packed.
void ForgetInstalledMlBuild() => ForgetInstalled(new[] { "MlBuild" });

void ForgetInstalled(IEnumerable<string> packageIds)
{
    var settings = new ProcessSettings { Arguments = "nuget locals global-packages --list", RedirectStandardOutput = true };
    using var process = StartAndReturnProcess("dotnet", settings);
    process.WaitForExit();
    var line = process.GetStandardOutput().FirstOrDefault(l => l.Contains("global-packages:")) ?? "";
    var globalPackages = line.Substring(line.IndexOf(':') + 1).Trim();
    foreach (var id in packageIds)
    {
        var installed = System.IO.Path.Combine(globalPackages, id.ToLowerInvariant());
        if (globalPackages.Length > 0 && System.IO.Directory.Exists(installed))
        {
            Verbose($"Removing {installed}");
            System.IO.Directory.Delete(installed, recursive: true);
        }
    }
}

// "Iris.Models.Iris.1.0.0.nupkg" -> "Iris.Models.Iris": the id is what precedes the version's first number.
string PackageIdOf(FilePath package) =>
    System.Text.RegularExpressions.Regex.Match(package.GetFilename().FullPath, @"^(?<id>.+?)\.\d+\.\d+").Groups["id"].Value;
