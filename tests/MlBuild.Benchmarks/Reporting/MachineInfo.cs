using System.Globalization;
using System.Runtime.InteropServices;
using MlBuild.Benchmarks.Infrastructure;

namespace MlBuild.Benchmarks.Reporting;

/// <summary>The machine the figures were taken on: they mean little without it.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string Os, string Sdk, string Runtime)
{
    public static MachineInfo Collect(string repositoryRoot)
    {
        var sdk = ProcessRunner.Run("dotnet", ["--version"], repositoryRoot, new Dictionary<string, string?>(),
            TimeSpan.FromMinutes(1));
        return new MachineInfo(
            Cpu: ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Cores: Environment.ProcessorCount,
            Memory: MemoryText(),
            Os: OsRelease() is { } release ? $"{release}, kernel {Kernel()}" : RuntimeInformation.OSDescription,
            Sdk: sdk.Succeeded ? sdk.Output.Trim() : "unknown",
            Runtime: RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The 1, 5 and 15 minute load averages: a busy machine makes every figure noisier.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string MemoryText()
    {
        var kib = ProcLine("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var bytes = kib is not null ? long.Parse(kib, CultureInfo.InvariantCulture) * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB";
    }

    private static string? OsRelease() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                ?["PRETTY_NAME=".Length..].Trim('"')
            : null;

    private static string Kernel() =>
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString;

    private static string? ProcLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
