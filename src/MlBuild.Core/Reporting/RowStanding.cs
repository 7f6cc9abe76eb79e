using MlBuild.Core.Gates;

namespace MlBuild.Core.Reporting;

/// <summary>A table row's place: what needs attention comes first.</summary>
internal enum RowStanding
{
    FailedGate,
    Warning,
    Gated,
    Other,
}

internal static class RowResult
{
    /// <summary>A row's result cell from its outcomes: a failure wins over a warning over a pass.</summary>
    public static string Text(IReadOnlyCollection<GateOutcome> outcomes) =>
        outcomes.Count == 0 ? ""
        : outcomes.Any(o => o.Status == GateStatus.Failed) ? "FAIL"
        : outcomes.Any(o => o.Status == GateStatus.Warning) ? "warn"
        : outcomes.Any(o => o.Status == GateStatus.Passed) ? "ok"
        : "n/a";

    public static RowStanding Standing(IReadOnlyCollection<GateOutcome> outcomes) =>
        outcomes.Any(o => o.Status == GateStatus.Failed) ? RowStanding.FailedGate
        : outcomes.Any(o => o.Status == GateStatus.Warning) ? RowStanding.Warning
        : outcomes.Count > 0 ? RowStanding.Gated
        : RowStanding.Other;
}
