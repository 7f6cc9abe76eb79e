using System.Globalization;
using System.Text;

namespace MlBuild.GitHub.Actions;

/// <summary>What <see cref="StepSummary.Append"/> wrote.</summary>
public enum StepSummaryResult
{
    /// <summary>The report was appended.</summary>
    Appended,

    /// <summary>The report would have made the summary larger than GitHub shows, so a short note was appended
    /// instead.</summary>
    NoteAppended,

    /// <summary>The summary is already at GitHub's limit: nothing was written (more would make GitHub drop the
    /// step's whole summary).</summary>
    Full,
}

/// <summary>
/// Appends markdown to the step summary, the file at <c>GITHUB_STEP_SUMMARY</c> that GitHub shows on the run's page.
/// It is the fallback that always works, even with a read-only token.
/// </summary>
public static class StepSummary
{
    /// <summary>GitHub's limit for one step's summary: beyond it the whole summary is dropped.</summary>
    public const int MaxBytes = 1024 * 1024;

    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Appends <paramref name="markdown"/>, separated by a blank line from what the file holds (several projects of
    /// one build each append a report). When that would exceed <see cref="MaxBytes"/>, appends a note saying where
    /// the full report is (<paramref name="fullReportLocation"/>, e.g. a path or an artifact) instead.
    /// </summary>
    public static StepSummaryResult Append(string path, string markdown, string? fullReportLocation = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(markdown);

        // Exclusive while reading the end and appending: two projects of a parallel build (two MSBuild nodes) must
        // not interleave their reports or both decide that no separator is needed.
        using var file = OpenExclusive(path);
        var separator = Separator(file);
        var report = Utf8NoBom.GetBytes(separator + EndWithNewline(markdown));
        if (file.Length + report.LongLength <= MaxBytes)
        {
            Write(file, report);
            return StepSummaryResult.Appended;
        }

        var size = (report.Length / 1024.0).ToString("0", CultureInfo.InvariantCulture);
        var where = string.IsNullOrEmpty(fullReportLocation) ? "in the build's report.md" : fullReportLocation;
        var note = Utf8NoBom.GetBytes(separator +
            $"> **Note**: the MlBuild report ({size} KiB) does not fit in this step's summary, which GitHub limits to 1 MiB. " +
            $"The full report is {where}.\n");
        if (file.Length + note.LongLength > MaxBytes)
            return StepSummaryResult.Full;
        Write(file, note);
        return StepSummaryResult.NoteAppended;
    }

    static FileStream OpenExclusive(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            // Another process holds the file for its own append: wait for it, briefly.
            catch (IOException) when (attempt < 100 && File.Exists(path))
            {
                Thread.Sleep(50);
            }
        }
    }

    static string Separator(FileStream file)
    {
        if (file.Length == 0)
            return "";
        var tail = new byte[Math.Min(2, file.Length)];
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        return tail switch
        {
            [.., (byte)'\n', (byte)'\n'] => "",
            [.., (byte)'\n'] => "\n",
            _ => "\n\n",
        };
    }

    static void Write(FileStream file, byte[] bytes)
    {
        file.Seek(0, SeekOrigin.End);
        file.Write(bytes);
    }

    static string EndWithNewline(string text) => text.EndsWith('\n') ? text : text + "\n";
}
