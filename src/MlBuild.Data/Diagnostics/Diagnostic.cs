namespace MlBuild.Data.Diagnostics;

/// <summary>One error or warning, written as one MSBuild canonical line so the build turns it into a real one.</summary>
/// <param name="Message">What is wrong and what to do, without the model name (added when formatted).</param>
public sealed record Diagnostic(string Code, Location At, string Message, Severity Severity = Severity.Error)
{
    public bool IsError => Severity == Severity.Error;

    public string Format(string? modelName)
    {
        var prefix = string.IsNullOrEmpty(modelName) ? "" : modelName + ": ";
        var severity = Severity == Severity.Warning ? "warning" : "error";
        return $"{At.Canonical}: {severity} {Code}: {OneLine(prefix + Message)}";
    }

    // MSBuild reads errors line by line: a newline inside a message would split it into a broken error.
    private static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}

/// <summary>An error stops the run; a warning is reported and the run goes on.</summary>
public enum Severity
{
    Error,
    Warning,
}
