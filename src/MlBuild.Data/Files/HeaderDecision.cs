namespace MlBuild.Data.Files;

/// <summary>Whether a file's first line is a header, and why (shown as build detail, to explain surprises).</summary>
public readonly record struct HeaderDecision(bool HasHeader, string Reason);
