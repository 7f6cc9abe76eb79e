using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Leakage;
using MlBuild.Data.Profiles;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Scanning;

/// <summary>
/// The one pass over a training file before anything is fitted: every record's field count, the rows without a label,
/// each column's final kind, empty values, bad values and profile (<see cref="ColumnScan"/>), the label's classes
/// (<see cref="LabelScan"/>), and the rows' keys for the leakage check, all in memory independent of the file's size
/// (but for the keys of the smaller file, when this is it).
/// </summary>
public sealed class TrainingFileScan : IDisposable
{
    private readonly List<ColumnScan> _columns;

    private TrainingFileScan(DataSource source, List<ColumnScan> columns, int label, LabelScan? labels,
        TwinSampler? twins, RowIndex? index, KeySpill? spill)
    {
        Source = source;
        _columns = columns;
        LabelIndex = label;
        Labels = labels;
        Twins = twins;
        Index = index;
        Spill = spill;
    }

    public DataSource Source { get; }
    public int LabelIndex { get; }
    public IReadOnlyList<ColumnScan> ColumnScans => _columns;

    /// <summary>The columns with their kinds and empty values as the whole file (its labeled rows) shows them.</summary>
    public IReadOnlyList<DataColumn> Columns => _columns.Select(c => c.Column).ToList();

    /// <summary>The rows with a label: the rows the model trains on.</summary>
    public long Rows { get; private set; }

    public UnlabeledRows Unlabeled { get; } = new();

    /// <summary>Classification: the label's classes and their counts.</summary>
    public LabelScan? Labels { get; }

    /// <summary>When the leakage check runs: how many rows have twins in this file (estimated past its capacity).</summary>
    public TwinSampler? Twins { get; }

    /// <summary>When this is the smaller file: its rows' keys, for the test file to look up.</summary>
    public RowIndex? Index { get; }

    /// <summary>When the test file is the smaller one: this file's keys on disk, looked up once the test file's are known.</summary>
    public KeySpill? Spill { get; }

    /// <param name="sampled">The kinds from the file's sample.</param>
    /// <param name="label">The label column.</param>
    /// <param name="classification">Count the label's classes.</param>
    /// <param name="keyColumns">The columns of a row's leakage key (the label and the features), or null when no
    /// leakage check runs.</param>
    /// <param name="indexKeys">Keep the keys in memory (this is the smaller file), else spill them to disk.</param>
    /// <param name="profile">Gather each column's profile.</param>
    public static TrainingFileScan Run(DataSource source, SampledKinds sampled, int label, bool classification,
        IReadOnlyList<DataColumn>? keyColumns, bool indexKeys, bool profile, ScanProgress? progress)
    {
        var columns = sampled.Columns.Select(c => new ColumnScan(c, sampled.Undecided.Contains(c.Index), profile)).ToList();
        var labelColumn = sampled.Columns[label];
        var labels = classification ? new LabelScan(labelColumn.Kind == ColumnKind.Numeric && !sampled.Undecided.Contains(label)) : null;
        var key = keyColumns is null ? null : new RowKey(keyColumns);
        var scan = new TrainingFileScan(source, columns, label, labels,
            key is null ? null : new TwinSampler(),
            key is not null && indexKeys ? new RowIndex() : null,
            key is not null && !indexKeys ? new KeySpill() : null);
        try
        {
            scan.Pass(key, progress);
            return scan;
        }
        catch
        {
            scan.Dispose();
            throw;
        }
    }

    private void Pass(RowKey? key, ScanProgress? progress)
    {
        var counts = Source.FieldCounts();
        var numbers = new double[_columns.Count];
        using var records = Source.OpenRecords();
        while (records.MoveNext())
        {
            progress?.Row(records);
            if (!counts.Check(records.Line, records.FieldCount))
            {
                if (counts.IsFull)
                    break;
                continue;
            }
            if (counts.Failed)
                continue;
            if (records.IsMissing(LabelIndex))
            {
                Unlabeled.Add(records.Line);
                continue;
            }
            Rows++;
            for (var i = 0; i < _columns.Count; i++)
                numbers[i] = _columns[i].Add(records, i);
            Labels?.Add(records, LabelIndex);
            if (key is null)
                continue;
            var hash = key.Of(records, numbers);
            Twins!.Add(hash);
            Index?.Add(hash, records.Line);
            Spill?.Add(hash, records.Line);
        }
        counts.ThrowIfAny();
    }

    /// <summary>MLB2004 for the values of the used columns that break their column's kind: up to the diagnostic limit,
    /// in the order of the rows (and of the columns within a row).</summary>
    public void ThrowIfBadValues(IReadOnlyList<DataColumn> used)
    {
        var found = new List<(int Line, int Order, Diagnostic Diagnostic)>();
        for (var order = 0; order < used.Count; order++)
        {
            var scan = _columns[used[order].Index];
            if (scan.Kind != ColumnKind.Numeric)
                continue;
            foreach (var (line, value) in scan.BadValues)
                found.Add((line, order, BadValue.Numeric(Source.Path, line, scan.Sampled.Name, value)));
        }
        var diagnostics = found.OrderBy(f => f.Line).ThenBy(f => f.Order).Take(DiagnosticBag.Limit).Select(f => f.Diagnostic).ToList();
        if (diagnostics.Count > 0)
            throw new MlbException(diagnostics);
    }

    /// <summary>The profile of the training data, every column with its role.</summary>
    public DataProfile Profile(ColumnSelection selection, string? model) => new()
    {
        Model = model,
        Source = Path.GetFileName(Source.Path),
        Rows = checked((int)Rows),
        Label = selection.Label.Name,
        Separator = Source.Layout.Kind == DataFileKind.Parquet ? "" : Source.Layout.Separator.ToString(),
        HasHeader = Source.Layout.Header.HasHeader,
        Columns = _columns.Select(c => c.Profile(
            c.Sampled.Index == selection.Label.Index ? ColumnRole.Label
            : selection.Features.Any(f => f.Index == c.Sampled.Index) ? ColumnRole.Feature
            : ColumnRole.Unused)).ToList(),
    };

    public void Dispose() => Spill?.Dispose();
}
