using System.Diagnostics;

namespace MlBuild.Worker.Diagnostics;

/// <summary>Reports the elapsed time at a fixed interval while a long step (Fit) runs, so a person watching the
/// build sees that training is alive.</summary>
/// <remarks>A thread of its own rather than a thread-pool timer: trainers can keep every pool thread busy, and a
/// heartbeat queued behind them would go silent exactly when it is needed.</remarks>
internal sealed class Heartbeat : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    public Heartbeat(ProgressReporter progress, string activity, TimeSpan interval)
    {
        _thread = new Thread(() =>
        {
            while (!_stop.Wait(interval))
                progress.Report($"{activity}… {Math.Round(_clock.Elapsed.TotalSeconds):0} s");
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
