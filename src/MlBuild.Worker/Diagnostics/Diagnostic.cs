namespace MlBuild.Worker.Diagnostics;

/// <summary>One error, written as one MSBuild canonical line so the build turns it into a real error.</summary>
/// <param name="Message">What is wrong and what to do, without the model name (added when formatted).</param>
internal sealed record Diagnostic(string Code, Location At, string Message)
{
    public string Format(string? modelName)
    {
        var prefix = string.IsNullOrEmpty(modelName) ? "" : modelName + ": ";
        return $"{At.Canonical}: error {Code}: {OneLine(prefix + Message)}";
    }

    // MSBuild reads errors line by line: a newline inside a message would split it into a broken error.
    private static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
