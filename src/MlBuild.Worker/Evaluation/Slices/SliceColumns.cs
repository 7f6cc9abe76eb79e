using MlBuild.Protocol;
using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Evaluation.Slices;

/// <summary>Finds the column of each MlSlice item among the data's columns (by name, ignoring case when that is
/// unambiguous, like Label and Features), before any model is scored.</summary>
internal static class SliceColumns
{
    public static IReadOnlyList<DataColumn> Resolve(IReadOnlyList<SliceRequest> slices, IReadOnlyList<DataColumn> columns)
    {
        var bag = new DiagnosticBag();
        var resolved = new List<DataColumn>();
        foreach (var slice in slices)
        {
            if (ColumnSelection.Find(columns, slice.Column) is { } column)
                resolved.Add(column);
            else
                bag.Add(MlbCodes.UnknownSliceColumn, new Location(slice.ProjectFile, Math.Max(0, slice.ItemLine)),
                    $"the slice column '{slice.Column}' is not a column of the model's data (columns: " +
                    $"{string.Join(", ", columns.Select(c => c.Name))}): set the MlSlice's Column to one of them.");
        }
        bag.ThrowIfAny();
        return resolved;
    }
}
