// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>What the item says about a file's format (null: infer), and where the item is declared.</summary>
/// <param name="ColumnNames">Names for a file without a header (the item's Columns); they also replace a header's.</param>
/// <param name="Reference">For a test file: the training file, whose separator, column names and count it must share.</param>
/// <param name="Label">For a test file: the label column of the training file, which a test file needs above all.</param>
internal sealed record LegacyDataFileFormat(
    Location DeclaredAt,
    char? Separator = null,
    bool? HasHeader = null,
    IReadOnlyList<string>? ColumnNames = null,
    LegacyDataFile? Reference = null,
    string? Label = null);
