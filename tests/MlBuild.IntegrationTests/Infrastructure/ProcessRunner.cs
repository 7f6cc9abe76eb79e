using System.Diagnostics;
using System.Text;

namespace MlBuild.IntegrationTests.Infrastructure;

internal sealed record ProcessResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>Runs a process to completion with its output captured, and kills it (and its children) on timeout.</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, Action<Process>? whileRunning = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // A build started from a test host must not inherit the test host's MSBuild settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        whileRunning?.Invoke(process);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
                return new ProcessResult(-1, $"TIMED OUT after {timeout}\n{output}");
        }
        process.WaitForExit();
        lock (output)
            return new ProcessResult(process.ExitCode, output.ToString());
    }
}
