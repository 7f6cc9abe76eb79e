using System.Diagnostics;
using System.Text;
using MlBuild.Data.Reading;
using MlBuild.Worker.Cli;
using MlBuild.Worker.Tests.Support;

namespace MlBuild.Worker.Tests.Process;

/// <summary>
/// Runs the worker as the MlBuild tasks do: <c>dotnet exec</c> with a project's deps.json and runtimeconfig.json
/// (here the test project's, which references ML.NET as a consuming project does), the NuGet folder as probing path,
/// and the worker copied with its data layer (MlBuild.Data) into a folder of their own, as the package's tools folder
/// holds them, so that ML.NET can only come from the project's dependencies.
/// </summary>
internal static class WorkerProcess
{
    public static string TestAssembly => typeof(WorkerProcess).Assembly.Location;

    private static readonly string[] DataLayer =
    [
        "MlBuild.Contracts.dll", "MlBuild.Data.dll", "csFastFloat.dll", "System.IO.Hashing.dll", "Parquet.dll", "CommunityToolkit.HighPerformance.dll",
        "K4os.Compression.LZ4.dll", "Microsoft.IO.RecyclableMemoryStream.dll", "Snappier.dll", "ZstdSharp.dll",
    ];

    public static string DepsFile => Path.ChangeExtension(TestAssembly, ".deps.json");

    public static (int ExitCode, string Stdout, string Stderr) Run(TestDirectory temp, string requestPath,
        string? depsFile = null, string command = "train")
    {
        var tools = Directory.CreateDirectory(temp.File("tools")).FullName;
        var worker = Path.Combine(tools, "MlBuild.Worker.dll");
        File.Copy(typeof(WorkerCommand).Assembly.Location, worker, overwrite: true);
        // The package's tools/ folder holds the worker's data layer and its libraries beside it, which the project's
        // deps.json does not list (the same list as _MlBuildDataAssembly in src/MlBuild/MlBuild.csproj).
        var bin = Path.GetDirectoryName(typeof(DataSource).Assembly.Location)!;
        foreach (var name in DataLayer)
            File.Copy(Path.Combine(bin, name), Path.Combine(tools, name), overwrite: true);

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "exec",
                     "--depsfile", depsFile ?? DepsFile,
                     "--runtimeconfig", Path.ChangeExtension(TestAssembly, ".runtimeconfig.json"),
                     "--additionalprobingpath", NuGetRoot(),
                     worker, command, requestPath,
                 })
            start.ArgumentList.Add(arg);

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The worker did not exit within 2 minutes.");
        }
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    private static string NuGetRoot() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root ? root
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
