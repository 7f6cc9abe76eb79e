using MlBuild.Data.Diagnostics;
using MlBuild.Data.Drift;
using MlBuild.Data.Profiles;
using MlBuild.Tool.Cli;

namespace MlBuild.Tool.Drift;

/// <summary>
/// <c>mlbuild drift</c>: compares a data file with a model's training profile (<c>&lt;Name&gt;.profile.json</c>, written
/// beside the model by the build) exactly as the CheckDrift target does, prints the same table, and reports each
/// drifted feature as error MLB2110. For a scheduled job over production data, where building the project is not
/// wanted: the tool reads no ML.NET and no project.
/// </summary>
internal static class DriftRunner
{
    public static int Run(DriftOptions options, TextWriter writer, ToolOutput output)
    {
        try
        {
            var profile = ProfileJson.Read(Path.GetFullPath(options.Profile), new Location(options.Profile));
            var data = DriftDataReader.Read(Path.GetFullPath(options.Data), profile, new Location(options.Data), options.Separator);
            var thresholds = new DriftThresholds(options.MaxPsi ?? DriftThresholds.Default.MaxPsi,
                options.MaxKs ?? DriftThresholds.Default.MaxKs);
            var model = profile.Model ?? Path.GetFileName(options.Profile).Replace(DataProfile.FileSuffix, "", StringComparison.Ordinal);
            var report = DriftAnalyzer.Compare(profile, data, thresholds, model);
            foreach (var line in DriftTable.Render(report))
                writer.WriteLine(line);
            foreach (var finding in DriftFindings.Of(report, data.Layout.ColumnsAt))
                Report(output, model, finding);
            return report.HasDrift ? ExitCodes.Failure : ExitCodes.Success;
        }
        catch (MlbException e)
        {
            foreach (var diagnostic in e.Diagnostics)
                Report(output, null, diagnostic);
            return ExitCodes.Failure;
        }
    }

    private static void Report(ToolOutput output, string? model, Diagnostic diagnostic)
    {
        var message = $"{diagnostic.At.Canonical}: {(model is null ? "" : model + ": ")}{diagnostic.Message}";
        if (diagnostic.IsError)
            output.Error(diagnostic.Code, message);
        else
            output.Warning(diagnostic.Code, message);
    }
}
