using System.Diagnostics;

namespace MlBuild.Data.Scanning;

/// <summary>
/// Tells a person watching a long pass over a file that it moves, and how fast: after every <see cref="Interval"/> of
/// a pass (never for a pass shorter than that), the rows and bytes read so far and the rate. Cheap enough to call for
/// every row: the clock is read once every few thousand rows.
/// </summary>
public sealed class ScanProgress
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    private const int RowsBetweenClockReads = 4096;

    private readonly Action<string> _report;
    private readonly string _activity;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next;
    private long _rows;

    /// <param name="activity">What the pass does, first in the line ("read", "training pass 2").</param>
    public ScanProgress(Action<string> report, string activity, TimeSpan? interval = null)
    {
        _report = report;
        _activity = activity;
        _interval = interval ?? DefaultInterval;
        _next = _interval;
    }

    /// <summary>One more row of <paramref name="records"/>.</summary>
    public void Row(Reading.RecordCursor records)
    {
        if (++_rows % RowsBetweenClockReads != 0 || _clock.Elapsed < _next)
            return;
        _next = _clock.Elapsed + _interval;
        _report(Describe(_activity, _rows, records.BytesRead, _clock.Elapsed));
    }

    /// <summary>"read 4.0M rows, 280 MB (61 MB/s)…"</summary>
    public static string Describe(string activity, long rows, long bytes, TimeSpan elapsed)
    {
        var megabytes = bytes / 1e6;
        var rate = elapsed.TotalSeconds > 0 ? megabytes / elapsed.TotalSeconds : 0;
        return FormattableString.Invariant($"{activity} {Rows(rows)} rows, {megabytes:0} MB ({rate:0} MB/s)…");
    }

    private static string Rows(long rows) => rows switch
    {
        >= 1_000_000 => FormattableString.Invariant($"{rows / 1e6:0.0}M"),
        >= 10_000 => FormattableString.Invariant($"{rows / 1e3:0}K"),
        _ => rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
