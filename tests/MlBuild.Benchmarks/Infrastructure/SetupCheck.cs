namespace MlBuild.Benchmarks.Infrastructure;

/// <summary>A precondition of a measurement that does not hold (a build failed, a model trained when it should
/// have been up to date). It aborts the benchmark: timing a build that did the wrong thing measures nothing.</summary>
internal sealed class SetupCheckFailedException(string message) : Exception(message);

internal static class SetupCheck
{
    public static void Require(bool condition, string what, ProcessResult? evidence = null)
    {
        if (!condition)
            throw new SetupCheckFailedException(evidence is null ? what : $"{what}\n--- output (last lines) ---\n{evidence.Tail()}");
    }

    public static ProcessResult Succeeded(ProcessResult result, string what)
    {
        Require(result.Succeeded, $"{what} failed (exit code {result.ExitCode}).", result);
        return result;
    }

    /// <summary>The build succeeded and said "Training …" for each model.</summary>
    public static ProcessResult Trained(ProcessResult build, string what, params string[] models)
    {
        Succeeded(build, what);
        foreach (var model in models)
            Require(BuildOutput.Trained(build.Output, model), $"{what} did not train {model}.", build);
        return build;
    }
}
