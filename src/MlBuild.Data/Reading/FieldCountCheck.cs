using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Reading;

/// <summary>MLB2006 for records with another number of fields than the file has columns, at their lines (up to the
/// diagnostic limit): checked on the sample when the file is opened, and on every record of the full pass.</summary>
internal sealed class FieldCountCheck
{
    private readonly DataLayout _layout;
    private readonly string _basis;
    private readonly string _hint;
    private readonly DiagnosticBag _bag = new();

    /// <param name="basis">Why that many fields are expected ("as in the header on line 1").</param>
    public FieldCountCheck(DataLayout layout, string basis)
    {
        _layout = layout;
        _basis = basis;
        _hint = layout.Separator == ','
            ? "fix the row, or quote a field that contains ',' (\"like, this\")"
            : $"fix the row: a field cannot contain the separator ({SeparatorSetting.Describe(layout.Separator)})";
    }

    public bool Failed { get; private set; }

    /// <returns>Whether the record has the expected number of fields.</returns>
    public bool Check(int line, int fieldCount)
    {
        if (fieldCount == _layout.ColumnNames.Count)
            return true;
        Failed = true;
        _bag.Add(MlbCodes.WrongFieldCount, new Location(_layout.Path, line),
            $"this line has {fieldCount} fields but {_layout.ColumnNames.Count} were expected ({_basis}): {_hint}.");
        return false;
    }

    public bool IsFull => _bag.IsFull;

    public void ThrowIfAny() => _bag.ThrowIfAny();
}
