using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Reading;

/// <summary>What the start of a data file tells about all of it: its format, how its records split into fields, and
/// its column names. Inferred from a bounded sample, so that opening a file of any size costs the same.</summary>
/// <param name="Separator">Delimited files: the field separator; Parquet: '\0'.</param>
/// <param name="HeaderLine">The 1-based line of the header, 0 without one: findings about a whole column point there.</param>
public sealed record DataLayout(
    string Path,
    DataFileKind Kind,
    char Separator,
    HeaderDecision Header,
    IReadOnlyList<string> ColumnNames,
    int HeaderLine)
{
    /// <summary>Where a finding about a whole column of this file points: its header line, or the file.</summary>
    public Location ColumnsAt => new(Path, HeaderLine);

    /// <summary>Double quotes delimit fields in comma-separated files only (see <see cref="DelimitedTokenizer"/>).</summary>
    public bool Quoting => Separator == ',';

    /// <summary>How the file is described in the build's detail output.</summary>
    public string Describe(long rows) => Kind == DataFileKind.Parquet
        ? $"{Path}: {rows} rows, {ColumnNames.Count} columns (Parquet)."
        : $"{Path}: {rows} rows, {ColumnNames.Count} columns, separator {SeparatorSetting.Describe(Separator)}, " +
          $"{(Header.HasHeader ? "a header" : "no header")} ({Header.Reason}).";
}

/// <summary>The formats MlBuild reads: delimited text (CSV, TSV, …) and Apache Parquet.</summary>
public enum DataFileKind
{
    Delimited,
    Parquet,
}
