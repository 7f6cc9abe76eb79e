using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Profiles;

namespace MlBuild.Data.Drift;

/// <summary>
/// Reads new data the way the training data was read: with the profile's separator (unless given), and with the
/// profile's column names when the file has no header line, either all of them or, as production data usually comes,
/// all but the label.
/// </summary>
public static class DriftDataReader
{
    public static DataFile Read(string path, DataProfile profile, Location declaredAt, char? separator = null)
    {
        var file = DataFileReader.Read(path, new DataFileFormat(declaredAt,
            separator ?? (profile.Separator is [var c] ? c : null)));
        if (file.Header.HasHeader)
            return file;
        var all = profile.Columns.Select(c => c.Name).ToList();
        var withoutLabel = profile.Columns.Where(c => c.Role != ColumnRole.Label).Select(c => c.Name).ToList();
        var names = file.ColumnNames.Count == all.Count ? all
            : file.ColumnNames.Count == withoutLabel.Count ? withoutLabel
            : throw new MlbException(DataCodes.DriftColumnMissing, new Location(path, file.Rows[0].Line),
                $"the new data has no header line and {file.ColumnNames.Count} fields, but the model's training data had " +
                $"{all.Count} columns ({string.Join(", ", all)}): give the same columns, in the same order, or add a header line.");
        return new DataFile(file.Path, file.Separator, file.Header, names, file.Rows, file.HeaderLine);
    }
}
