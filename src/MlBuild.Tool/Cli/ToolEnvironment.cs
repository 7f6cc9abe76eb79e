using MlBuild.GitHub.Actions;
using MlBuild.GitHub.Api;

namespace MlBuild.Tool.Cli;

/// <summary>
/// The environment variables the tool reads, given as a dictionary rather than read from the process, so that
/// tests run the real command in parallel, each with its own Actions environment.
/// </summary>
internal sealed class ToolEnvironment
{
    /// <summary>The token is read from here only: an argument would show in process lists and in logs.</summary>
    public const string TokenVariable = "GITHUB_TOKEN";

    readonly IReadOnlyDictionary<string, string?> variables;

    public ToolEnvironment(IReadOnlyDictionary<string, string?> variables)
    {
        this.variables = variables;
        Actions = ActionsEnvironment.Read(Get);
    }

    public ActionsEnvironment Actions { get; }

    public string? Token => Get(TokenVariable);

    public RetryOptions Retry => RetryOptions.FromEnvironment(Get);

    /// <summary>The variable's value; an empty one counts as unset, as the runner sets some to "".</summary>
    public string? Get(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>This process's variables (names compared as the platform does).</summary>
    public static IReadOnlyDictionary<string, string?> FromProcess()
    {
        var variables = new Dictionary<string, string?>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = entry.Value as string;
        return variables;
    }
}
