namespace MlBuild.Data.Files;

/// <summary>One record of a data file: its fields and the 1-based line where it starts (errors point there).</summary>
public readonly record struct DataRecord(int Line, string[] Fields);
