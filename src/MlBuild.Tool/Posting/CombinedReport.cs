using MlBuild.GitHub.Reports;
using MlBuild.Tool.Cli;
using MlBuild.GitHub.Publishing;

namespace MlBuild.Tool.Posting;

/// <summary>
/// The saved reports named on the command line as the one comment they make: their markdown in the order given,
/// separated by a horizontal rule, under one id. One comment for all the samples of a build, rather than one per
/// project, is what a reviewer wants to scroll past.
/// </summary>
internal sealed record CombinedReport(
    string ReportId,
    string Markdown,
    IReadOnlyList<string> Sources,
    string? Repository,
    int? PullRequestNumber,
    string? RunUrl)
{
    internal const string Separator = "\n\n---\n\n";

    /// <exception cref="NotPostedException">A report is missing or unreadable, or the reports cannot share one
    /// comment.</exception>
    public static CombinedReport Load(IReadOnlyList<string> paths, string? reportId)
    {
        var reports = paths.Select(LoadOne).ToList();

        var ids = reports.Select(r => r.ReportId).Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(reportId) && ids.Count > 1)
            throw Unusable($"The reports have different ids ({string.Join(", ", ids)}), and one comment has one id: give --report-id.");

        // Saved by the pull request's own run: they are trusted only after a check, and never mixed.
        var numbers = reports.Select(r => r.PullRequestNumber).OfType<int>().Distinct().ToList();
        if (numbers.Count > 1)
            throw Unusable($"The reports were made for different pull requests (#{string.Join(", #", numbers)}): post each on its own.");

        // The last resort for the repository (no --repository, no GITHUB_REPOSITORY): two different ones leave it unknown.
        var repositories = reports.Select(r => r.Repository).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        return new CombinedReport(
            string.IsNullOrWhiteSpace(reportId) ? ids[0] : reportId.Trim(),
            string.Join(Separator, reports.Select(r => r.Markdown.TrimEnd())) + "\n",
            paths,
            repositories.Count == 1 ? repositories[0] : null,
            numbers.Count == 1 ? numbers[0] : null,
            reports.Select(r => r.RunUrl).FirstOrDefault(url => url is not null));
    }

    static SavedReport LoadOne(string path)
    {
        // Checked here because SavedReport.Load falls back to the parent folder for a path that is not a folder, and
        // would name the parent's report.md rather than what was typed.
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new NotPostedException(ReportCodes.ReportMissing,
                $"{path}: no such folder or file. Give the folder the Evaluate target saved the report in (report.md and mlbuild-report.json), or its report.md.",
                fatal: true);
        try
        {
            return SavedReport.Load(path);
        }
        catch (SavedReportException e)
        {
            throw new NotPostedException(HasMarkdown(path) ? ReportCodes.UnusableReports : ReportCodes.ReportMissing, e.Message, fatal: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable($"{path}: the saved report cannot be read ({e.Message}).");
        }
    }

    static bool HasMarkdown(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        return File.Exists(Path.Combine(folder, SavedReport.MarkdownFileName))
            || (File.Exists(path) && !Path.GetFileName(path).Equals(SavedReport.MetadataFileName, StringComparison.OrdinalIgnoreCase));
    }

    static NotPostedException Unusable(string message) => new(ReportCodes.UnusableReports, message, fatal: true);
}
