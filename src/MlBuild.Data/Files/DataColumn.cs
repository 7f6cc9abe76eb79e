namespace MlBuild.Data.Files;

/// <summary>A column of the data as inferred: its name (from the header, Columns, or ColumnN), its position
/// in each row, its kind, and whether some of its values are empty.</summary>
public sealed record DataColumn(string Name, int Index, ColumnKind Kind, bool HasMissing);
