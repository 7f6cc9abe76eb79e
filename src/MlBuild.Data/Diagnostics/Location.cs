namespace MlBuild.Data.Diagnostics;

/// <summary>The place an error points at; line and column are 1-based, 0 when unknown.</summary>
public readonly record struct Location(string File, int Line = 0, int Column = 0)
{
    /// <summary>The MSBuild canonical origin: <c>file(line,col)</c>, <c>file(line)</c> or <c>file</c>.</summary>
    public string Canonical => (Line, Column) switch
    {
        ( > 0, > 0) => $"{File}({Line},{Column})",
        ( > 0, _) => $"{File}({Line})",
        _ => File,
    };
}
