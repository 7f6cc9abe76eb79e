using MlBuild.Data.Diagnostics;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Files;

/// <summary>What the item says about a file's format (null: infer), and where the item is declared.</summary>
/// <param name="ColumnNames">Names for a file without a header (the item's Columns); they also replace a header's.</param>
/// <param name="Reference">For a test file: the training file's layout, whose separator, column names and count it must share.</param>
/// <param name="Label">For a test file: the label column of the training file, which a test file needs above all.</param>
public sealed record DataFileFormat(
    Location DeclaredAt,
    char? Separator = null,
    bool? HasHeader = null,
    IReadOnlyList<string>? ColumnNames = null,
    DataLayout? Reference = null,
    string? Label = null);
