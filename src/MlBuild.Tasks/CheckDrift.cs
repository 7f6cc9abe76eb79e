using System.Globalization;
using Microsoft.Build.Framework;

namespace MlBuild.Tasks;

/// <summary>
/// The drift check of one model (planned by <see cref="PlanDriftChecks"/>): <c>mlbuild drift</c> compares the new
/// data with the model's training profile feature by feature (PSI, and KS for numbers), prints the table, and reports
/// each feature beyond the model's MaxPsi or MaxKs as error MLB2110 at the new data: the signal that the model should be
/// retrained. The very command a scheduled job runs, in the tool's process: the data readers (Parquet.Net) stay out
/// of MSBuild.
/// </summary>
public sealed class CheckDrift : MlBuildToolTask
{
    [Required] public string ModelName { get; set; } = "";
    [Required] public string ProfileFile { get; set; } = "";
    [Required] public string DataFile { get; set; } = "";
    public double MaxPsi { get; set; } = Definitions.DriftThresholds.Default.MaxPsi;
    public double MaxKs { get; set; } = Definitions.DriftThresholds.Default.MaxKs;
    /// <summary>The MlModel item, <c>file(line,col)</c>: where an error about a missing profile points.</summary>
    public string? DeclaredAt { get; set; }

    protected override IEnumerable<string> ToolArguments =>
    [
        "drift", "--profile", ProfileFile, "--model", ModelName,
        "--psi", MaxPsi.ToString("R", CultureInfo.InvariantCulture),
        "--ks", MaxKs.ToString("R", CultureInfo.InvariantCulture),
        .. string.IsNullOrEmpty(DeclaredAt) ? (string[])[] : ["--declared-at", DeclaredAt],
        DataFile,
    ];
}
