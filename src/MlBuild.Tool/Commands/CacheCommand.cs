using System.CommandLine;
using MlBuild.Core.Caching;
using MlBuild.Tool.Caching;
using MlBuild.Tool.Cli;

namespace MlBuild.Tool.Commands;

/// <summary><c>mlbuild cache show|trim|clear|push|fetch</c>: the local model cache and the remote one.</summary>
internal static class CacheCommand
{
    public static Command Create(ToolEnvironment environment, TextWriter writer, ToolOutput output)
    {
        var cacheDir = new Option<string>("--cache-dir")
        {
            Description = "The local model cache (default: MLBUILD_CACHE_DIR, else ~/.mlbuild/cache).",
            HelpName = "folder",
        };
        var remote = new Option<string>("--remote")
        {
            Description = "The remote cache: http(s)://…, s3://bucket/prefix or azure://container/prefix (default: MLBUILD_REMOTE_CACHE).",
            HelpName = "url",
        };
        var endpoint = new Option<string>("--endpoint")
        {
            Description = "The endpoint of an S3-compatible store (MinIO, Ceph, R2).",
            HelpName = "url",
        };
        var timeout = new Option<double?>("--timeout")
        {
            Description = "Seconds to wait for an answer, and for each next piece of a download (default 30).",
            HelpName = "seconds",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && !(value > 0 && double.IsFinite(value)))
                result.AddError("--timeout must be a number of seconds above 0.");
        });
        // The build's: one machine-readable line per model, and no warnings of the tool's own.
        var outcomes = new Option<bool>("--outcomes") { Hidden = true };
        var fingerprints = new Argument<string[]>("fingerprints") { Arity = ArgumentArity.ZeroOrMore, Description = "Fingerprints of entries (default for push: the lock file's models)." };
        var lockFile = new Option<string>("--lock-file")
        {
            Description = "The lock file whose models to push (default: mlbuild.lock.json here).",
            HelpName = "file",
        };
        var maxSize = new Option<string>("--max-size")
        {
            Description = $"The size to trim to: 10GB, 500MB, or bytes (default {ByteSize.Format(CacheTrimmer.DefaultMaxBytes)}).",
            HelpName = "size",
        };
        maxSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && !ByteSize.TryParse(text, out _))
                result.AddError($"--max-size must be a size such as 10GB or 500MB, not '{text}'.");
        });
        var force = new Option<bool>("--force") { Description = "Also remove entries used in the last half hour." };

        CacheOptions Options(ParseResult parsed) => new(parsed.GetValue(cacheDir), parsed.GetValue(remote),
            parsed.GetValue(endpoint), parsed.GetValue(timeout), parsed.GetValue(outcomes));

        var show = new Command("show", "Where the local model cache is, what it holds and when each entry was last used.") { cacheDir };
        show.SetAction(parsed => LocalCacheRunner.Show(Options(parsed), environment, writer));

        var trim = new Command("trim", "Removes the least recently used entries until the cache fits the size.") { cacheDir, maxSize };
        trim.SetAction(parsed => LocalCacheRunner.Trim(Options(parsed),
            parsed.GetValue(maxSize) is { } text && ByteSize.TryParse(text, out var bytes) ? bytes : CacheTrimmer.DefaultMaxBytes,
            environment, output));

        var clear = new Command("clear", "Removes every entry of the local cache (except those in use, without --force).") { cacheDir, force };
        clear.SetAction(parsed => LocalCacheRunner.Clear(Options(parsed), parsed.GetValue(force), environment, output));

        var push = new Command("push", "Uploads the project's current models (its lock file's, from the local cache) to the remote cache.")
        {
            cacheDir, remote, endpoint, timeout, lockFile, outcomes, fingerprints,
        };
        push.SetAction((parsed, token) => RemoteCacheRunner.PushAsync(Options(parsed), parsed.GetValue(fingerprints) ?? [],
            parsed.GetValue(lockFile), environment, writer, output, token));

        var fetch = new Command("fetch", "Restores entries from the remote cache into the local one, verified.")
        {
            cacheDir, remote, endpoint, timeout, outcomes, fingerprints,
        };
        fetch.SetAction((parsed, token) => RemoteCacheRunner.FetchAsync(Options(parsed), parsed.GetValue(fingerprints) ?? [],
            environment, writer, output, token));

        return new Command("cache", "The local model cache, and the remote cache a team shares.") { show, trim, clear, push, fetch };
    }
}
