namespace MlBuild.Data.Reading;

/// <summary>
/// Walks the data records of a file once, from the first to the last (the header excluded), holding only the current
/// one: the one way MlBuild reads data, whatever its format, so that the checks, the profile and the views ML.NET
/// trains from all read the same values.
/// </summary>
public abstract class RecordCursor : IDisposable
{
    /// <summary>Moves to the next record; false after the last.</summary>
    public abstract bool MoveNext();

    /// <summary>The file, for errors at a record.</summary>
    public abstract string Path { get; }

    /// <summary>The 1-based line where the record starts (a Parquet file's 1-based row): errors point there.</summary>
    public abstract int Line { get; }

    public abstract int FieldCount { get; }

    /// <summary>A field's text as the file writes it; valid until the next record.</summary>
    public abstract ReadOnlySpan<char> Text(int field);

    /// <summary>A field's text as memory of its own, for views that hand text to ML.NET: it stays valid after the cursor
    /// moves on, because ML.NET keeps text values past their row (its dictionaries of terms hold the memory they were
    /// given, as TextLoader's per-line strings allow).</summary>
    public abstract ReadOnlyMemory<char> TextMemory(int field);

    public abstract bool IsMissing(int field);

    /// <summary>A field as a number, NaN when missing (the Single as ML.NET reads it beside the double the profile
    /// keeps); false when the field holds something else than a number.</summary>
    public abstract bool TryGetNumber(int field, out double value, out float single);

    /// <summary>A field as a double (NaN when missing), without the Single: the profile's reading; false when the field
    /// holds something else than a number.</summary>
    public abstract bool TryGetDouble(int field, out double value);

    /// <summary>A field as true or false; false when it holds something else (or nothing).</summary>
    public abstract bool TryGetBoolean(int field, out bool value);

    /// <summary>How many bytes of the file have been read, for progress.</summary>
    public abstract long BytesRead { get; }

    public virtual void Dispose()
    {
    }
}
