using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;

namespace MlBuild.TestSupport;

/// <summary>The profile of a data file as the worker records it at training (the same scan, the label found by name
/// or taken as the first column): for tests of what reads profiles (CheckDrift, mlbuild drift, the lock file).</summary>
internal static class FileProfiles
{
    public static DataProfile Of(string path, string model, string? label = null, bool classification = true)
    {
        var declaredAt = new Location("p.csproj");
        var source = DataSource.Open(path, new DataFileFormat(declaredAt));
        var labelIndex = ColumnSelection.Resolve(SampledKinds.Infer(source).Columns, label, null, declaredAt, path).Label.Index;
        var sampled = SampledKinds.Infer(source, labelIndex);
        using var scan = TrainingFileScan.Run(source, sampled, labelIndex, classification, keyColumns: null,
            indexKeys: false, profile: true, progress: null);
        var selection = ColumnSelection.Resolve(scan.Columns, label, null, declaredAt, path);
        return scan.Profile(selection, model);
    }
}
