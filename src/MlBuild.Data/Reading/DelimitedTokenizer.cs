using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Reading;

/// <summary>
/// Splits delimited text into records, one at a time, without a string per line or per field: the fields of the
/// current record are spans of one reused buffer, valid until the next <see cref="MoveNext"/>.
/// </summary>
/// <remarks>
/// The rules are those of a line reader splitting each line: lines end at "\n", "\r\n" or "\r"; blank lines are
/// skipped but still counted; fields are not trimmed. Double quotes are honoured (RFC 4180: a quoted field may hold
/// separators, doubled quotes and line breaks, each line break becoming "\n") only when quoting is on, which callers do
/// for ',' only: tab- and semicolon-separated files often hold stray quotes inside text. A quote inside an unquoted
/// field, or text after a closing quote, is kept as it is. Lines without a quote take a fast path (a vectorized search
/// for the separator); only lines with a quote are split character by character.
/// </remarks>
public sealed class DelimitedTokenizer : IDisposable
{
    private const int InitialBufferSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly string _path;
    private readonly char _separator;
    private readonly bool _quoting;

    private char[] _buffer = new char[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _endOfInput;
    private int _lineNumber;

    // The current record: fields as (start, length) in _buffer, or in _quoted when the record had quotes.
    private int[] _fieldStarts = new int[16];
    private int[] _fieldLengths = new int[16];
    private char[] _quoted = new char[256];
    private bool _fromQuoted;

    public DelimitedTokenizer(TextReader reader, string path, char separator, bool quoting)
    {
        _reader = reader;
        _path = path;
        _separator = separator;
        _quoting = quoting;
    }

    /// <summary>The 1-based line where the current record starts: errors point there.</summary>
    public int Line { get; private set; }

    public int FieldCount { get; private set; }

    public ReadOnlySpan<char> this[int field] =>
        (_fromQuoted ? _quoted : _buffer).AsSpan(_fieldStarts[field], _fieldLengths[field]);

    public string[] Fields()
    {
        var fields = new string[FieldCount];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = this[i].ToString();
        return fields;
    }

    /// <summary>Moves to the next non-blank record; false at the end of the text.</summary>
    public bool MoveNext()
    {
        while (NextLine(out var lineStart, out var lineLength))
        {
            var line = _buffer.AsSpan(lineStart, lineLength);
            if (line.IsWhiteSpace())
                continue;
            Line = _lineNumber;
            if (!_quoting || !line.Contains('"'))
                SplitPlain(lineStart, lineLength);
            else
                SplitQuoted(lineStart, lineLength);
            return true;
        }
        return false;
    }

    public void Dispose() => _reader.Dispose();

    private void SplitPlain(int lineStart, int lineLength)
    {
        _fromQuoted = false;
        FieldCount = 0;
        var line = _buffer.AsSpan(lineStart, lineLength);
        var offset = 0;
        while (true)
        {
            var next = line[offset..].IndexOf(_separator);
            AddField(lineStart + offset, next < 0 ? lineLength - offset : next);
            if (next < 0)
                return;
            offset += next + 1;
        }
    }

    // Character by character, as RFC 4180 reads a record, into a buffer of the record's own (a quoted field can span
    // lines, and reading the next line may move the text in the main buffer).
    private void SplitQuoted(int lineStart, int lineLength)
    {
        _fromQuoted = true;
        FieldCount = 0;
        var length = 0;
        var fieldStart = 0;
        var inQuotes = false;
        var atFieldStart = true;
        var start = _lineNumber;
        var line = _buffer.AsSpan(lineStart, lineLength);
        var i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!inQuotes)
                    break;
                // A line break inside quotes belongs to the field.
                Append(ref length, '\n');
                if (!NextLine(out lineStart, out lineLength))
                    throw new MlbException(MlbCodes.WrongFieldCount, new Location(_path, start),
                        "a quoted field that starts on this line is never closed: add the closing '\"', " +
                        "or double the quotes inside the field (\"\").");
                line = _buffer.AsSpan(lineStart, lineLength);
                i = 0;
                continue;
            }
            var c = line[i++];
            if (inQuotes)
            {
                if (c != '"')
                    Append(ref length, c);
                else if (i < line.Length && line[i] == '"')
                {
                    Append(ref length, '"');
                    i++;
                }
                else
                    inQuotes = false;
            }
            else if (c == _separator)
            {
                AddField(fieldStart, length - fieldStart);
                fieldStart = length;
                atFieldStart = true;
            }
            else if (c == '"' && atFieldStart)
            {
                inQuotes = true;
                atFieldStart = false;
            }
            else
            {
                Append(ref length, c);
                atFieldStart = false;
            }
        }
        AddField(fieldStart, length - fieldStart);
    }

    private void Append(ref int length, char c)
    {
        if (length == _quoted.Length)
            Array.Resize(ref _quoted, _quoted.Length * 2);
        _quoted[length++] = c;
    }

    private void AddField(int start, int length)
    {
        if (FieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, FieldCount * 2);
            Array.Resize(ref _fieldLengths, FieldCount * 2);
        }
        _fieldStarts[FieldCount] = start;
        _fieldLengths[FieldCount] = length;
        FieldCount++;
    }

    /// <summary>The next line of the text (without its end), as a range of <see cref="_buffer"/>.</summary>
    private bool NextLine(out int lineStart, out int lineLength)
    {
        var searched = 0;
        while (true)
        {
            var pending = _buffer.AsSpan(_start + searched, _end - _start - searched);
            var end = pending.IndexOfAny('\n', '\r');
            if (end >= 0)
            {
                end += _start + searched;
                // "\r\n" is one line end: when the "\r" is the last character read, the next one decides.
                if (_buffer[end] == '\r' && end + 1 == _end && !_endOfInput)
                {
                    searched = end - _start;
                    Fill();
                    continue;
                }
                lineStart = _start;
                lineLength = end - _start;
                _start = end + (_buffer[end] == '\r' && end + 1 < _end && _buffer[end + 1] == '\n' ? 2 : 1);
                _lineNumber++;
                return true;
            }
            searched = _end - _start;
            if (_endOfInput)
            {
                if (_end == _start)
                {
                    lineStart = lineLength = 0;
                    return false;
                }
                // The last line has no line end.
                lineStart = _start;
                lineLength = _end - _start;
                _start = _end;
                _lineNumber++;
                return true;
            }
            Fill();
        }
    }

    // Moves the unread text to the front (or grows the buffer for a line longer than it), then reads more.
    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _endOfInput = true;
        else
            _end += read;
    }
}
