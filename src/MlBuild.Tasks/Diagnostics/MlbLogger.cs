using Microsoft.Build.Utilities;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Tasks.Diagnostics;

/// <summary>Logs coded errors and warnings at a location, the way the SDK's NETSDK messages are.</summary>
internal static class MlbLogger
{
    public static void Error(this TaskLoggingHelper log, string code, SourceLocation at, string message) =>
        log.LogError(null, code, null, at.File, at.Line, at.Column, 0, 0, message);

    public static void Warning(this TaskLoggingHelper log, string code, SourceLocation at, string message) =>
        log.LogWarning(null, code, null, at.File, at.Line, at.Column, 0, 0, message);
}
