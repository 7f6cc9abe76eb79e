using System.CommandLine;
using MlBuild.Tool.Cli;
using MlBuild.Tool.Commands;

namespace MlBuild.Tool;

internal static class Program
{
    static Task<int> Main(string[] args) =>
        RunAsync(args, ToolEnvironment.FromProcess(), System.Console.Out, System.Console.Error);

    /// <summary>
    /// The whole tool, with its environment and output given rather than taken from the process, so that tests run
    /// the real command in-process and in parallel.
    /// </summary>
    /// <param name="errors">Where usage errors go (standard error); <paramref name="output"/> when null.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment, TextWriter output,
        TextWriter? errors = null, CancellationToken cancellationToken = default)
    {
        var parsed = MlBuildCommand.Create(new ToolEnvironment(environment), output).Parse(args);
        var exitCode = await parsed
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = errors ?? output }, cancellationToken)
            .ConfigureAwait(false);
        // System.CommandLine answers a parse error with 1, which here means "refused": usage errors get their own code.
        return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
