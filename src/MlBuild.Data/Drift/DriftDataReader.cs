using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Drift;

/// <summary>
/// Opens new data the way the training data was read: with the profile's separator (unless given), and with the
/// profile's column names when the file has no header line, either all of them or, as production data usually comes,
/// all but the label.
/// </summary>
public static class DriftDataReader
{
    public static DataSource Read(string path, DataProfile profile, Location declaredAt, char? separator = null)
    {
        var source = DataSource.Open(path, new DataFileFormat(declaredAt,
            separator ?? (profile.Separator is [var c] ? c : null)));
        if (source.Layout.Header.HasHeader || source.Layout.Kind == DataFileKind.Parquet)
            return source;
        var names = source.Layout.ColumnNames;
        var all = profile.Columns.Select(c => c.Name).ToList();
        var withoutLabel = profile.Columns.Where(c => c.Role != ColumnRole.Label).Select(c => c.Name).ToList();
        return source.WithColumnNames(names.Count == all.Count ? all
            : names.Count == withoutLabel.Count ? withoutLabel
            : throw new MlbException(MlbCodes.DriftColumnMissing, new Location(path, source.Sample[0].Line),
                $"the new data has no header line and {names.Count} fields, but the model's training data had " +
                $"{all.Count} columns ({string.Join(", ", all)}): give the same columns, in the same order, or add a header line."));
    }
}
