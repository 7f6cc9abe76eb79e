using MlBuild.Definitions;
using System.Globalization;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Declarations;

/// <summary>
/// Reads the data checks' metadata of an MlModel item. Each check has a level metadata named after what it finds
/// (<c>error</c>, <c>warning</c> or <c>off</c>), and the checks with a threshold a threshold metadata:
/// <c>SchemaChanges</c>, <c>MissingLabels</c> (error or warning: warning leaves unlabeled rows out),
/// <c>TooFewRows</c> with <c>MinRows</c>, <c>RareClasses</c> with <c>MinClassShare</c>, <c>ConstantColumns</c>,
/// <c>Leakage</c>, <c>TrainTestShift</c> with <c>MaxPsi</c> (also the drift check's), and <c>MaxKs</c> for the drift
/// check. <c>DataChecks</c> sets every level at once: <c>on</c> (the defaults), <c>warning</c> (nothing stops
/// training), <c>off</c> or <c>none</c> (no check; MissingLabels stays an error, since a row without a label cannot
/// be trained on). A check's own metadata wins over DataChecks.
/// </summary>
internal static class DataCheckMetadata
{
    public static readonly IReadOnlyList<string> Names =
    [
        "DataChecks", "SchemaChanges", "MissingLabels", "TooFewRows", "MinRows", "RareClasses", "MinClassShare",
        "ConstantColumns", "Leakage", "TrainTestShift", "MaxPsi", "MaxKs",
    ];

    public static (DataCheckSettings Checks, DriftThresholds Drift) Read(Func<string, string?> meta, Action<string, string> fail)
    {
        var defaults = DataCheckSettings.Default;
        var overall = meta("DataChecks")?.ToLowerInvariant();
        Func<CheckLevel, CheckLevel> global = overall switch
        {
            null or "on" or "default" or "true" => level => level,
            "warning" or "warnings" => level => level == CheckLevel.Off ? level : CheckLevel.Warning,
            "off" or "none" or "false" => _ => CheckLevel.Off,
            _ => Fail(fail, $"DataChecks is '{meta("DataChecks")}'; use on (the default), warning (report every " +
                            "finding as a warning) or off/none (no checks)."),
        };

        CheckLevel Level(string name, CheckLevel defaultLevel, bool allowOff = true)
        {
            var text = meta(name);
            if (text is null)
                return global(defaultLevel);
            CheckLevel? level = text.ToLowerInvariant() switch
            {
                "error" => CheckLevel.Error,
                "warning" => CheckLevel.Warning,
                "off" or "none" when allowOff => CheckLevel.Off,
                _ => null,
            };
            if (level is { } known)
                return known;
            fail(MlbCodes.InvalidMetadataValue, allowOff
                ? $"{name} is '{text}'; use error, warning or off."
                : $"{name} is '{text}'; use error, or warning to leave such rows out (a row without a label cannot be trained on, so it cannot be off).");
            return defaultLevel;
        }

        double Number(string name, double defaultValue, Func<double, bool> valid, string expected)
        {
            var text = meta(name);
            if (text is null)
                return defaultValue;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && valid(value))
                return value;
            fail(MlbCodes.InvalidMetadataValue, $"{name} is '{text}'; use {expected}.");
            return defaultValue;
        }

        var missingLabels = meta("MissingLabels") is null
            ? overall is "warning" or "warnings" ? CheckLevel.Warning : CheckLevel.Error
            : Level("MissingLabels", CheckLevel.Error, allowOff: false);
        var checks = new DataCheckSettings
        {
            SchemaChanges = Level("SchemaChanges", defaults.SchemaChanges),
            MissingLabels = missingLabels,
            TooFewRows = Level("TooFewRows", defaults.TooFewRows),
            MinRows = (int)Number("MinRows", defaults.MinRows, v => v >= 0 && v == Math.Floor(v) && v <= int.MaxValue,
                "a whole number of rows, 0 or more, e.g. 50"),
            RareClasses = Level("RareClasses", defaults.RareClasses),
            MinClassShare = Number("MinClassShare", defaults.MinClassShare, v => v is >= 0 and < 1,
                "a share of the rows from 0 to 1 (exclusive), e.g. 0.05"),
            ConstantColumns = Level("ConstantColumns", defaults.ConstantColumns),
            Leakage = Level("Leakage", defaults.Leakage),
            TrainTestShift = Level("TrainTestShift", defaults.TrainTestShift),
            MaxPsi = Number("MaxPsi", defaults.MaxPsi, v => v > 0 && double.IsFinite(v), "a positive number, e.g. 0.25"),
        };
        var drift = new DriftThresholds(checks.MaxPsi,
            Number("MaxKs", DriftThresholds.DefaultMaxKs, v => v is > 0 and <= 1, "a number above 0 and at most 1, e.g. 0.2"));
        return (checks, drift);
    }

    private static Func<CheckLevel, CheckLevel> Fail(Action<string, string> fail, string message)
    {
        fail(MlbCodes.InvalidMetadataValue, message);
        return level => level;
    }
}
