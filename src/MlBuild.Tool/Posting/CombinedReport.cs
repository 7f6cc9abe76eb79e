using MlBuild.GitHub.Reports;
using MlBuild.Tool.Cli;
using MlBuild.GitHub.Publishing;

namespace MlBuild.Tool.Posting;

/// <summary>
/// The saved reports named on the command line as the one comment they make: their markdown, failing projects first
/// and otherwise in the order given, separated by a horizontal rule, under one id. One comment for all the samples of a build, rather than one per
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
        // Failing projects first (the order given otherwise): the top of the comment is what needs attention.
        var reports = paths.Select(LoadOne).OrderBy(r => r.Passed == false ? 0 : 1).ToList();

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
            Title(reports) + string.Join(Separator, reports.Select(r => r.Markdown.TrimEnd())) + "\n",
            paths,
            repositories.Count == 1 ? repositories[0] : null,
            numbers.Count == 1 ? numbers[0] : null,
            reports.Select(r => r.RunUrl).FirstOrDefault(url => url is not null));
    }

    /// <summary>
    /// Several reports get a first line saying how they went together, so the comment's top answers "can this
    /// merge?" before any project's details: "# MlBuild: ❌ 1 of 4 projects failed (samples/Iris/Iris.csproj)".
    /// One report is its own title.
    /// </summary>
    static string Title(IReadOnlyList<SavedReport> reports)
    {
        if (reports.Count < 2)
            return "";
        var failed = reports.Where(r => r.Passed == false).ToList();
        var unknown = reports.Count(r => r.Passed is null);
        var status = failed.Count > 0
            ? $"❌ {failed.Count} of {reports.Count} projects failed ({string.Join(", ", failed.Select(r => Escape(r.Project ?? r.ReportId)))})"
            : unknown == 0 ? $"✅ all {reports.Count} projects pass" : $"{reports.Count} projects";
        return $"# MlBuild: {status}\n\n";
    }

    // Project paths come from the repository, but a saved report is data: keep it from becoming markdown or HTML.
    static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
        .Replace("\\", "\\\\").Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`").Replace("[", "\\[").Replace("]", "\\]")
        .Replace("\n", " ").Replace("\r", " ");

    static SavedReport LoadOne(string path)
    {
        // Checked here because SavedReport.Load falls back to the parent folder for a path that is not a folder, and
        // would name the parent's report.md rather than what was typed.
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new NotPostedException(MlbCodes.ReportMissing,
                $"{path}: no such folder or file. Give the folder the Evaluate target saved the report in (report.md and mlbuild-report.json), or its report.md.",
                fatal: true);
        try
        {
            return SavedReport.Load(path);
        }
        catch (SavedReportException e)
        {
            throw new NotPostedException(HasMarkdown(path) ? MlbCodes.UnusableReports : MlbCodes.ReportMissing, e.Message, fatal: true);
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

    static NotPostedException Unusable(string message) => new(MlbCodes.UnusableReports, message, fatal: true);
}
