using MlBuild.Definitions;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlBuild.Data.Checks;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Worker.Data;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.DataViews;

/// <summary>Walks the rows of a <see cref="StreamingDataView"/> in file order. Values are parsed when a getter asks for
/// them, so a pass that needs a few columns (the label, for a count) reads the others' text only.</summary>
internal sealed class StreamingRowCursor : DataViewRowCursor
{
    private readonly RecordCursor _records;
    private readonly IReadOnlyList<DataColumn> _columns;
    private readonly LabelPlan? _label;
    private readonly bool[] _active;
    private readonly ScanProgress? _progress;
    private readonly int _fields;
    private readonly bool _failOnUnlabeled;
    private long _position = -1;
    private bool _done;

    /// <param name="fields">How many fields each record of the file has.</param>
    public StreamingRowCursor(IDataView view, RecordCursor records, int fields, IReadOnlyList<DataColumn> columns,
        LabelPlan? label, IEnumerable<DataViewSchema.Column> columnsNeeded, ScanProgress? progress, CheckLevel unlabeled)
    {
        _failOnUnlabeled = unlabeled == CheckLevel.Error;
        _fields = fields;
        Schema = view.Schema;
        _records = records;
        _columns = columns;
        _label = label;
        _progress = progress;
        _active = new bool[columns.Count];
        foreach (var column in columnsNeeded)
            _active[column.Index] = true;
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    // One cursor at a time: every row is in batch 0.
    public override long Batch => 0;

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override bool MoveNext()
    {
        if (_done)
            return false;
        while (_records.MoveNext())
        {
            // The pass before training checked every record; a file changed since then is refused, not misread.
            if (_records.FieldCount != _fields)
                throw Changed($"this line has {_records.FieldCount} fields but {_fields} were expected");
            if (_label is not null && _records.IsMissing(_label.Index))
            {
                if (_failOnUnlabeled)
                    throw new MlbException(MlbCodes.MissingLabels, new Location(_records.Path, _records.Line),
                        $"the label '{_label.Name}' is empty on this line: every row needs a label to test on; fill it " +
                        "in or remove the row; or set MissingLabels=\"warning\" to leave such rows out.");
                continue;
            }
            _progress?.Row(_records);
            _position++;
            return true;
        }
        _done = true;
        return false;
    }

    // The id is the row's place in the file, whatever the cursor: ML.NET relies on ids being stable across cursors.
    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index])
            throw new InvalidOperationException($"Column '{column.Name}' was not requested by this cursor.");
        var field = _columns[column.Index].Index;
        Delegate getter = _label is not null && field == _label.Index ? LabelGetter() : column.Type switch
        {
            NumberDataViewType => (ValueGetter<float>)((ref float value) =>
            {
                if (!_records.TryGetNumber(field, out _, out value))
                    value = float.NaN;
            }),
            BooleanDataViewType => (ValueGetter<bool>)((ref bool value) => value = _records.TryGetBoolean(field, out var b) && b),
            _ => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = _records.TextMemory(field)),
        };
        return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _records.Dispose();
        base.Dispose(disposing);
    }

    private Delegate LabelGetter() => _label!.Type switch
    {
        LabelType.Boolean => (ValueGetter<bool>)((ref bool value) =>
        {
            if (!_label.TryBoolean(_records, out value))
                throw UnknownLabel();
        }),
        LabelType.Single => (ValueGetter<float>)((ref float value) =>
        {
            if (!_label.TrySingle(_records, out value))
                throw UnknownLabel();
        }),
        _ => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
        {
            if (!_label.TryText(_records, out value))
                throw UnknownLabel();
        }),
    };

    private MlbException UnknownLabel() => new([_label!.Check(_records)!]);

    private MlbException Changed(string what) =>
        new(MlbCodes.WrongFieldCount, new Location(_records.Path, _records.Line),
            $"{what}: the file changed while it was read; build again.");
}
