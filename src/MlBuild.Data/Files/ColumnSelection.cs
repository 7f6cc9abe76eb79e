using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Files;

/// <summary>The label column and the feature columns of a model, resolved against the data's columns. Names
/// match exactly first, then ignoring case, so "label" finds "Label" but two columns differing only by case stay
/// distinct.</summary>
public sealed record ColumnSelection(DataColumn Label, IReadOnlyList<DataColumn> Features)
{
    public static ColumnSelection Resolve(IReadOnlyList<DataColumn> columns, string? label,
        IReadOnlyList<string>? features, Location declaredAt, string dataPath)
    {
        var list = string.Join(", ", columns.Select(c => c.Name));
        var labelColumn = Find(columns, label ?? "Label") ?? throw new MlbException(MlbCodes.LabelNotFound, declaredAt,
            label is null
                ? $"no column of '{dataPath}' is named Label (columns: {list}): set Label to the column to predict."
                : $"the label column '{label}' is not a column of '{dataPath}' (columns: {list}): set Label to one of them.");

        if (features is not { Count: > 0 })
            return new(labelColumn, columns.Where(c => c != labelColumn).ToList());

        var unknown = features.Where(f => Find(columns, f) is null).ToList();
        if (unknown.Count > 0)
            throw new MlbException(MlbCodes.UnknownFeature, declaredAt,
                $"the feature column{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(f => $"'{f}'"))} " +
                $"{(unknown.Count > 1 ? "are" : "is")} not in '{dataPath}' (columns: {list}): fix Features.");
        var resolved = features.Select(f => Find(columns, f)!).Distinct().ToList();
        if (resolved.Contains(labelColumn))
            throw new MlbException(MlbCodes.UnknownFeature, declaredAt,
                $"Features lists '{labelColumn.Name}', which is the label: remove it from Features (a model cannot " +
                "use the value it predicts).");
        return new(labelColumn, resolved);
    }

    public IEnumerable<DataColumn> Used => Features.Prepend(Label);

    /// <summary>The column named <paramref name="name"/>: exactly, or else ignoring case when that is unambiguous.</summary>
    public static DataColumn? Find(IReadOnlyList<DataColumn> columns, string name) =>
        columns.FirstOrDefault(c => c.Name == name) is { } exact ? exact
        : columns.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only
        : null;
}
