namespace MlBuild.Core.Diagnostics;

/// <summary>A place in a file that an error points at; line and column are 1-based, 0 when unknown.</summary>
internal readonly record struct SourceLocation(string File, int Line = 0, int Column = 0);
