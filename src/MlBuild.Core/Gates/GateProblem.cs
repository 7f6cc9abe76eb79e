using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Gates;

/// <summary>Something wrong with an MlGate item, for the task to log as an error (or a warning) at its element.</summary>
internal sealed record GateProblem(string Code, SourceLocation Location, string Message, bool IsWarning = false);
