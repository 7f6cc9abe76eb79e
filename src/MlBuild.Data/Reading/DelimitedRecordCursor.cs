using MlBuild.Data.Files;

namespace MlBuild.Data.Reading;

/// <summary>The records of a delimited file, through a <see cref="DelimitedTokenizer"/>; numbers are parsed only when
/// asked for, so a pass that reads a few columns pays for those only.</summary>
internal sealed class DelimitedRecordCursor : RecordCursor
{
    private readonly FileStream _stream;
    private readonly DelimitedTokenizer _tokenizer;
    private readonly string _path;
    private bool _skipHeader;

    public DelimitedRecordCursor(DataLayout layout)
    {
        _stream = DelimitedSource.OpenStream(layout.Path);
        _tokenizer = new DelimitedTokenizer(DelimitedSource.OpenText(_stream), layout.Path, layout.Separator, layout.Quoting);
        _skipHeader = layout.Header.HasHeader;
        _path = layout.Path;
    }

    public override string Path => _path;

    public override bool MoveNext()
    {
        if (!_tokenizer.MoveNext())
            return false;
        if (_skipHeader)
        {
            _skipHeader = false;
            return _tokenizer.MoveNext();
        }
        return true;
    }

    public override int Line => _tokenizer.Line;

    public override int FieldCount => _tokenizer.FieldCount;

    public override ReadOnlySpan<char> Text(int field) => _tokenizer[field];

    public override ReadOnlyMemory<char> TextMemory(int field) => _tokenizer[field].ToString().AsMemory();

    public override bool IsMissing(int field) => Values.IsMissing(_tokenizer[field]);

    public override bool TryGetNumber(int field, out double value, out float single)
    {
        var text = _tokenizer[field];
        if (Values.IsMissing(text))
        {
            value = double.NaN;
            single = float.NaN;
            return true;
        }
        if (!Values.TryParseNumber(text, out value))
        {
            single = float.NaN;
            return false;
        }
        single = Values.ToSingle(value, text);
        return true;
    }

    public override bool TryGetDouble(int field, out double value)
    {
        var text = _tokenizer[field];
        if (Values.IsMissing(text))
        {
            value = double.NaN;
            return true;
        }
        return Values.TryParseNumber(text, out value);
    }

    public override bool TryGetBoolean(int field, out bool value) => Values.TryParseBoolean(_tokenizer[field], out value);

    public override long BytesRead => _stream.Position;

    public override void Dispose() => _tokenizer.Dispose();
}
