using MlBuild.Data.Scanning;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.DataViews;

/// <summary>Numbers the passes ML.NET makes over a view and tells the progress of each long one ("training pass 2:
/// 4.0M rows, 680 MB (150 MB/s)…"), so that a long Fit shows what it is doing, not only that it is alive.</summary>
internal sealed class ViewPasses(ProgressReporter progress, string activity)
{
    private int _count;

    public ScanProgress Start() =>
        new(progress.Report, $"{activity} pass {Interlocked.Increment(ref _count)}:");
}
