using MlBuild.Data.Checks;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Leakage;
using MlBuild.Data.Profiles;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Scanning;

/// <summary>
/// The one pass over a test file before training, once the training file's has settled the columns: every record's
/// field count, the rows without a label, the values that break their column's kind, labels the training data does not
/// have, which columns have empty values, each feature's counts in the training profile's bins (the train/test shift),
/// and the rows the training data has too (leakage), by looking up the training file's keys or, when this file is the
/// smaller one, by keeping its own and looking the training file's up afterwards.
/// </summary>
public sealed class TestFileScan
{
    private readonly DiagnosticBag _badValues = new();
    private readonly DiagnosticBag _badLabels = new();
    private readonly bool[] _empty;
    private readonly List<(int TestLine, int TrainLine)> _examples = [];
    private long _shared;

    private TestFileScan(DataSource source, int columns)
    {
        Source = source;
        _empty = new bool[columns];
    }

    public DataSource Source { get; }

    /// <summary>The rows with a label: the rows the model is tested on.</summary>
    public long Rows { get; private set; }

    public UnlabeledRows Unlabeled { get; } = new();

    /// <summary>Each feature of the training profile with its counts in the profile's bins.</summary>
    public IReadOnlyList<(ColumnProfile Feature, ProfileBins Bins)> Shift { get; private set; } = [];

    /// <summary>The leakage check's measure, when it runs.</summary>
    public LeakageCheck.Result? Leakage { get; private set; }

    /// <summary>Whether the column has an empty value in this file's labeled rows.</summary>
    public bool HasEmpty(int column) => _empty[column];

    /// <param name="columns">The training data's columns, with their final kinds.</param>
    /// <param name="used">The label and the features, whose values are checked.</param>
    /// <param name="checkLabel">The finding for a label the training data does not have (null when it has it).</param>
    /// <param name="profile">The training profile whose features' bins are counted, or null.</param>
    /// <param name="train">The training file's pass, whose keys are looked up (null: no leakage check).</param>
    public static TestFileScan Run(DataSource source, IReadOnlyList<DataColumn> columns, int label,
        IReadOnlyList<DataColumn> used, Func<RecordCursor, Diagnostic?>? checkLabel, DataProfile? profile,
        TrainingFileScan? train, ScanProgress? progress)
    {
        var scan = new TestFileScan(source, columns.Count);
        var counters = profile is null ? [] : profile.Features
            .Select(f => (Feature: f, Index: columns.FirstOrDefault(c => c.Name == f.Name)?.Index ?? -1,
                Counter: ProfileBins.Counter.For(f)))
            .Where(f => f.Index >= 0 && f.Counter is not null).ToList();
        var key = train is { Index: not null } or { Spill: not null } ? new RowKey(used) : null;
        var ownKeys = train is { Index: null, Spill: not null } ? new RowIndex() : null;
        var typed = used.Where(c => c.Kind is ColumnKind.Numeric or ColumnKind.Boolean).ToList();

        var counts = source.FieldCounts();
        using (var records = source.OpenRecords())
        {
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
                if (records.IsMissing(label))
                {
                    scan.Unlabeled.Add(records.Line);
                    continue;
                }
                scan.Rows++;
                for (var i = 0; i < columns.Count; i++)
                    if (!scan._empty[i] && records.IsMissing(i))
                        scan._empty[i] = true;
                if (!scan._badValues.IsFull)
                    scan.CheckValues(records, typed);
                if (checkLabel is not null && !scan._badLabels.IsFull && checkLabel(records) is { } badLabel)
                    scan._badLabels.Add(badLabel);
                foreach (var (_, index, counter) in counters)
                    counter!.Add(records, index);
                if (key is null)
                    continue;
                var hash = key.Of(records);
                if (ownKeys is not null)
                    ownKeys.Add(hash, records.Line);
                else if (train!.Index!.Find(hash) is { } match)
                    scan.Share(records.Line, match.FirstLine);
            }
        }
        counts.ThrowIfAny();
        scan.Shift = counters.Select(c => (c.Feature, c.Counter!.Bins)).ToList();
        if (train is not null && key is not null)
            scan.Leakage = scan.MeasureLeakage(train, ownKeys);
        return scan;
    }

    /// <summary>MLB2004 for bad values, then MLB2005 for unknown labels (the order the training file's checks have).</summary>
    public void ThrowIfBadValues()
    {
        _badValues.ThrowIfAny();
        _badLabels.ThrowIfAny();
    }

    private void CheckValues(RecordCursor records, IReadOnlyList<DataColumn> typed)
    {
        foreach (var column in typed)
        {
            if (records.IsMissing(column.Index))
                continue;
            if (column.Kind == ColumnKind.Numeric && !records.TryGetDouble(column.Index, out _))
                _badValues.Add(BadValue.Numeric(Source.Path, records.Line, column.Name, records.Text(column.Index).ToString()));
            else if (column.Kind == ColumnKind.Boolean && !records.TryGetBoolean(column.Index, out _))
                _badValues.Add(BadValue.Boolean(Source.Path, records.Line, column.Name, records.Text(column.Index).ToString()));
        }
    }

    private void Share(int testLine, int trainLine)
    {
        _shared++;
        if (_examples.Count < RowIndex.LinesKept)
            _examples.Add((testLine, trainLine));
    }

    private LeakageCheck.Result MeasureLeakage(TrainingFileScan train, RowIndex? ownKeys)
    {
        if (ownKeys is not null)
        {
            // This file is the smaller one: its keys are known now, the training file's were spilled to disk.
            foreach (var (hash, trainLine) in train.Spill!.Read())
                if (ownKeys.Find(hash) is { MatchedLine: 0 } entry)
                    entry.MatchedLine = trainLine;
            var matched = ownKeys.Entries.Where(e => e.MatchedLine > 0).ToList();
            _shared = matched.Sum(e => e.Count);
            _examples.AddRange(matched.SelectMany(e => e.Lines.Select(line => (line, e.MatchedLine)))
                .OrderBy(e => e.line).Take(RowIndex.LinesKept));
        }
        var twins = train.Index?.RowsWithTwins ?? train.Twins!.RowsWithTwins;
        return LeakageCheck.Measure(train.Rows, twins, Rows, _shared, _examples);
    }
}
