using System.Text.RegularExpressions;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>The outcome of one real <c>dotnet build</c>, with the messages MlBuild writes one per model.</summary>
public sealed partial class BuildResult
{
    internal BuildResult(ProcessResult process) => Process = process;

    internal ProcessResult Process { get; }

    public bool Succeeded => Process.ExitCode == 0;

    public string Output => Process.Output;

    public bool Trained(string model) => Output.Contains($"Training {model}…", StringComparison.Ordinal);

    public bool WasUpToDate(string model) => Output.Contains($"{model} is up to date", StringComparison.Ordinal);

    public bool Restored(string model) => Output.Contains($"{model} restored from cache", StringComparison.Ordinal);

    public bool RestoredFromRemote(string model) =>
        Output.Contains($"{model} restored from remote cache", StringComparison.Ordinal);

    public bool Uploaded(string model) => Output.Contains($"{model} uploaded to remote cache", StringComparison.Ordinal);

    /// <summary>The MLB errors (or warnings) of the build, each once, as (file, line, code, message).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics(string severity = "error") =>
        CanonicalLine().Matches(Output)
            .Where(m => m.Groups["severity"].Value == severity)
            .Select(m => new Diagnostic(m.Groups["file"].Value.Trim(),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 0,
                m.Groups["code"].Value, m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    public override string ToString() => Process.ToString();

    public sealed record Diagnostic(string File, int Line, string Code, string Message);

    // MSBuild prints each diagnostic as "file(line,col): error CODE: message [project]", once as it happens and
    // once in the summary; Distinct() folds the two.
    [GeneratedRegex(@"^\s*(?<file>[^\r\n(]*?)(\((?<line>\d+)(,\d+)?\))?\s*:\s+(?<severity>error|warning)\s+(?<code>MLB\d{4})\s*:\s*(?<message>[^\r\n]*?)(\s\[[^\]\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex CanonicalLine();
}
