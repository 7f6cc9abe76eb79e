using System.Diagnostics;

namespace MlBuild.Worker.Diagnostics;

/// <summary>Reports the elapsed time while a long step (Fit) runs, whenever nothing else was reported for an interval,
/// so a person watching the build sees that training is alive: a pass over the data that tells its own rows and rate
/// (<see cref="DataViews.ViewPasses"/>) keeps it quiet, a trainer working in memory does not.</summary>
/// <remarks>A thread of its own rather than a thread-pool timer: trainers can keep every pool thread busy, and a
/// heartbeat queued behind them would go silent exactly when it is needed.</remarks>
internal sealed class Heartbeat : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public Heartbeat(ProgressReporter progress, string activity, TimeSpan interval)
    {
        _thread = new Thread(() =>
        {
            var wait = interval;
            while (!_stop.Wait(wait))
            {
                var quiet = progress.SinceLastReport;
                if (quiet >= interval)
                {
                    progress.Report($"{activity}… {Math.Round(_clock.Elapsed.TotalSeconds):0} s");
                    quiet = TimeSpan.Zero;
                }
                wait = interval - quiet;
            }
        })
        {
            IsBackground = true,
            Name = "MlBuild heartbeat",
        };
        _thread.Start();
    }

    public void Dispose()
    {
        // Joining means no heartbeat line follows the step's own result lines.
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
        _clock.Stop();
    }
}
