namespace MlBuild.Worker.Data;

/// <summary>Whether a file's first line is a header, and why (shown as build detail, to explain surprises).</summary>
internal readonly record struct HeaderDecision(bool HasHeader, string Reason);
