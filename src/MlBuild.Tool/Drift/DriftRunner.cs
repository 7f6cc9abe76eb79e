using MlBuild.Definitions;
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
            var declaredAt = options.DeclaredAt is { } declared ? ParseLocation(declared) : new Location(options.Profile);
            var profile = ProfileJson.Read(Path.GetFullPath(options.Profile), declaredAt);
            var data = DriftDataReader.Read(Path.GetFullPath(options.Data), profile,
                options.DeclaredAt is null ? new Location(options.Data) : declaredAt, options.Separator);
            var thresholds = new DriftThresholds(options.MaxPsi ?? DriftThresholds.Default.MaxPsi,
                options.MaxKs ?? DriftThresholds.Default.MaxKs);
            var model = options.Model ?? profile.Model ?? Path.GetFileName(options.Profile).Replace(ProfileFileName.Suffix, "", StringComparison.Ordinal);
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
                Report(output, options.Model, diagnostic);
            return ExitCodes.Failure;
        }
    }

    private static void Report(ToolOutput output, string? model, Diagnostic diagnostic)
    {
        var message = $"{(model is null ? "" : model + ": ")}{diagnostic.Message}";
        if (diagnostic.IsError)
            output.Error(diagnostic.Code, message, diagnostic.At);
        else
            output.Warning(diagnostic.Code, message, diagnostic.At);
    }

    /// <summary><c>file(line,col)</c>, <c>file(line)</c> or <c>file</c>: a location as <see cref="Location.Canonical"/>
    /// writes it.</summary>
    internal static Location ParseLocation(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(?<file>.+?)\((?<line>\d+)(,(?<column>\d+))?\)$");
        return !match.Success ? new Location(text)
            : new Location(match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }
}
