using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace MlBuild.Core.Baselines;

/// <summary>
/// Runs the git executable on the PATH, without a shell (arguments are passed as a list, never parsed). Git must
/// never wait for a password: in a build nobody would answer, so prompts are turned off and a command that still
/// hangs is killed after <see cref="Timeout"/>.
/// </summary>
internal sealed class ProcessGitRunner : IGitRunner
{
    private readonly IReadOnlyDictionary<string, string?> _environment;

    /// <param name="environment">Variables to set (or, with a null value, remove) for git: tests use it to keep
    /// git away from the user's configuration.</param>
    public ProcessGitRunner(IReadOnlyDictionary<string, string?>? environment = null) =>
        _environment = environment ?? new Dictionary<string, string?>();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    public GitResult Run(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            // Lock files are UTF-8; git writes blobs as they are.
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GCM_INTERACTIVE"] = "never";
        foreach (var (name, value) in _environment)
        {
            if (value is null)
                startInfo.Environment.Remove(name);
            else
                startInfo.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception e)
        {
            return new GitResult(-1, "", $"git could not be started ({e.Message}); is git installed and on the PATH?");
        }
        using (process)
        {
            // Both streams are read at once: a full stderr pipe must not block git while we wait on stdout.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited after all.
                }
                return new GitResult(-1, "", $"git {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds:0} s and was stopped.");
            }
            process.WaitForExit();
            return new GitResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }
}
