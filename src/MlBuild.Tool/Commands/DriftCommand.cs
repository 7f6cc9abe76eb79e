using MlBuild.Definitions;
using System.CommandLine;
using MlBuild.Data.Drift;
using MlBuild.Tool.Drift;

namespace MlBuild.Tool.Commands;

/// <summary><c>mlbuild drift --profile &lt;Name&gt;.profile.json &lt;data&gt;</c>: the command line of
/// <see cref="DriftRunner"/>.</summary>
internal static class DriftCommand
{
    public static Command Create(Func<DriftOptions, int> run)
    {
        var profile = new Option<string>("--profile")
        {
            Description = "The model's training data profile, <Name>.profile.json, which the build writes beside <Name>.zip.",
            HelpName = "file",
            Required = true,
        };
        var data = new Argument<string>("data")
        {
            Description = "The new data: a CSV/TSV file with the model's feature columns (the label may be left out). " +
                          "Without a header line, its columns are the training data's, in the same order.",
        };
        var psi = new Option<double?>("--psi")
        {
            Description = $"The largest population stability index of a feature (default {DriftThresholds.Default.MaxPsi}).",
            HelpName = "max",
        };
        psi.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && !(value > 0 && double.IsFinite(value)))
                result.AddError("--psi must be a positive number, e.g. 0.25.");
        });
        var ks = new Option<double?>("--ks")
        {
            Description = $"The largest Kolmogorov-Smirnov statistic of a numeric feature (default {DriftThresholds.Default.MaxKs}).",
            HelpName = "max",
        };
        ks.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && value is not (> 0 and <= 1))
                result.AddError("--ks must be above 0 and at most 1, e.g. 0.2.");
        });
        var separator = new Option<string>("--separator")
        {
            Description = "The data's separator: one character, or tab, comma, semicolon, pipe (default: the training data's).",
            HelpName = "char",
        };
        separator.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && ParseSeparator(value) is null)
                result.AddError($"--separator must be one character or tab, comma, semicolon, pipe or space, not '{value}'.");
        });

        var model = new Option<string>("--model")
        {
            Description = "The model's name in messages (default: the one the profile records).",
            HelpName = "name",
        };
        // The CheckDrift target's: errors about a missing profile point at the MlModel item that declares the model.
        var declaredAt = new Option<string>("--declared-at") { Hidden = true };

        var command = new Command("drift",
            "Compares new data with a model's training data profile, feature by feature (PSI for every feature, " +
            "Kolmogorov-Smirnov for numbers), prints a table, and exits with 1 when a feature drifted beyond its threshold.")
        {
            profile, data, psi, ks, separator, model, declaredAt,
        };
        command.SetAction(parsed => run(new DriftOptions(
            parsed.GetRequiredValue(profile),
            parsed.GetRequiredValue(data),
            parsed.GetValue(psi),
            parsed.GetValue(ks),
            parsed.GetValue(separator) is { } text ? ParseSeparator(text) : null,
            parsed.GetValue(model),
            parsed.GetValue(declaredAt))));
        return command;
    }

    private static char? ParseSeparator(string value) => value.ToLowerInvariant() switch
    {
        "tab" or "\\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        "space" => ' ',
        _ when value.Length == 1 => value[0],
        _ => null,
    };
}
