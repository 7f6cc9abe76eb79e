using MlBuild.Protocol;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Declarations;

/// <summary>
/// Reads the MlSlice and MlExpectation items of the Evaluate target: which columns to report metrics for, value by
/// value, and which expectation files each model must pass. The worker checks the columns and the files' lines.
/// </summary>
internal static class EvaluationDeclarations
{
    public const int DefaultSliceValues = 10;

    public static Dictionary<string, List<SliceRequest>> ReadSlices(IEnumerable<DeclaredItem> items, string projectFile,
        ISet<string> models, List<ModelDeclarationReader.Problem> problems)
    {
        var slices = new Dictionary<string, List<SliceRequest>>(StringComparer.Ordinal);
        foreach (var (item, location) in Locate(items, "MlSlice", projectFile))
        {
            if (!KnownModel(item.ItemSpec, "MlSlice", location, models, problems))
                continue;
            var column = item.GetMetadata("Column").Trim();
            if (column.Length == 0)
            {
                problems.Add(new(MlbCodes.SliceWithoutColumn, location,
                    $"{item.ItemSpec}: an MlSlice needs Column, the column whose values each get their own metrics."));
                continue;
            }
            var maxValues = DefaultSliceValues;
            var maxText = item.GetMetadata("MaxValues").Trim();
            if (maxText.Length > 0 && (!int.TryParse(maxText, out maxValues) || maxValues < 1))
            {
                problems.Add(new(MlbCodes.InvalidMetadataValue, location,
                    $"{item.ItemSpec}: MaxValues is '{maxText}'; use a whole number of 1 or more (default {DefaultSliceValues})."));
                continue;
            }
            Add(slices, item.ItemSpec, new SliceRequest
            {
                Column = column, MaxValues = maxValues, ProjectFile = projectFile, ItemLine = location.Line,
            });
        }
        return slices;
    }

    public static Dictionary<string, List<ExpectationRequest>> ReadExpectations(IEnumerable<DeclaredItem> items,
        string projectFile, string projectDirectory, ISet<string> models, List<ModelDeclarationReader.Problem> problems)
    {
        var expectations = new Dictionary<string, List<ExpectationRequest>>(StringComparer.Ordinal);
        foreach (var (item, location) in Locate(items, "MlExpectation", projectFile))
        {
            if (!KnownModel(item.ItemSpec, "MlExpectation", location, models, problems))
                continue;
            var file = item.GetMetadata("File").Trim();
            var fullPath = file.Length == 0 ? "" : Path.GetFullPath(Path.Combine(projectDirectory, file));
            if (file.Length == 0 || !File.Exists(fullPath))
            {
                problems.Add(new(MlbCodes.FileNotFound, location, file.Length == 0
                    ? $"{item.ItemSpec}: an MlExpectation needs File, a JSON-lines file of inputs and the predictions they must get."
                    : $"{item.ItemSpec}: the expectations file '{file}' does not exist (looked for {fullPath}). Fix the path, relative to the project folder."));
                continue;
            }
            Add(expectations, item.ItemSpec, new ExpectationRequest
            {
                File = fullPath, ProjectFile = projectFile, ItemLine = location.Line,
            });
        }
        return expectations;
    }

    private static IEnumerable<(DeclaredItem Item, SourceLocation Location)> Locate(IEnumerable<DeclaredItem> items,
        string itemType, string projectFile)
    {
        var elements = ItemLocator.ReadAll(projectFile, itemType);
        return items.Select(item => (item, elements.First(item.ItemSpec).Location));
    }

    private static bool KnownModel(string name, string itemType, SourceLocation location, ISet<string> models,
        List<ModelDeclarationReader.Problem> problems)
    {
        if (models.Contains(name))
            return true;
        problems.Add(new(MlbCodes.UnknownModelReference, location,
            $"{itemType} '{name}' names no MlModel of this project; use one of: {string.Join(", ", models.Order(StringComparer.Ordinal))}."));
        return false;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string model, T value)
    {
        if (!map.TryGetValue(model, out var list))
            map[model] = list = [];
        list.Add(value);
    }
}
