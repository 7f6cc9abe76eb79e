using System.Diagnostics;
using System.Text;

namespace MlBuild.TestSupport;

/// <summary>What a process printed (standard output and error, interleaved, each line with the time it arrived),
/// how it exited, and how long it took from start to exit.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed,
    IReadOnlyList<(TimeSpan At, string Line)> Lines)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>When the first line containing all of <paramref name="texts"/> arrived, counted from the process start.</summary>
    public TimeSpan? FirstLineAt(params string[] texts) =>
        Lines.Where(l => texts.All(t => l.Line.Contains(t, StringComparison.Ordinal)))
            .Select(l => (TimeSpan?)l.At).FirstOrDefault();

    /// <summary>The end of the output, enough to see why a build failed without flooding the console.</summary>
    public string Tail(int lines = 40) =>
        string.Join('\n', Output.Split('\n').TakeLast(lines));

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>
/// Runs a process to completion with its output captured and its wall-clock time measured, killing it (and its
/// children) on timeout. The child environment is the caller's own minus every MSBuild* variable: a test host or a
/// benchmark started by <c>dotnet run</c> must not hand its MSBuild settings (SDK paths, node settings) to the builds
/// it starts.
/// </summary>
internal static class ProcessRunner
{
    /// <param name="environment">Variables to set in the child's environment; a null value removes one.</param>
    /// <param name="started">Called with the process as soon as it runs (to watch its memory, or to interrupt it),
    /// before any wait.</param>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, Action<Process>? started = null)
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
        var lines = new List<(TimeSpan, string)>();
        var clock = new Stopwatch();
        void Receive(string? line)
        {
            if (line is null)
                return;
            lock (output)
            {
                output.AppendLine(line);
                lines.Add((clock.Elapsed, line));
            }
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        clock.Start();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started?.Invoke(process);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
                return new ProcessResult(-1, $"TIMED OUT after {timeout}\n{output}", clock.Elapsed, lines);
        }
        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        var elapsed = clock.Elapsed;
        lock (output)
            return new ProcessResult(process.ExitCode, output.ToString(), elapsed, lines);
    }
}
