using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlBuild.GitHub.Reports;

/// <summary>
/// A report saved for posting later: <c>report.md</c> and, beside it, <c>mlbuild-report.json</c> saying which
/// comment it is and which pull request and commit it was made for. The Evaluate target writes one for every run;
/// the fork-safe pattern uploads it as an artifact from the unprivileged run, and <c>mlbuild report post</c> posts
/// it from a privileged one.
/// </summary>
public sealed record SavedReport
{
    /// <summary>The report's markdown, as the Evaluate target renders it.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>The metadata beside it (this record, as JSON).</summary>
    public const string MetadataFileName = "mlbuild-report.json";

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Which comment the report is (the hidden marker of MlBuild.GitHub.Posting's ReportMarker).</summary>
    public required string ReportId { get; init; }

    /// <summary>The markdown; not part of the metadata file.</summary>
    [JsonIgnore]
    public string Markdown { get; init; } = "";

    /// <summary><c>owner/name</c>, when the report was made in GitHub Actions.</summary>
    public string? Repository { get; init; }

    /// <summary>The pull request it was made for. Written by an unprivileged run, so a poster must check it (see
    /// <c>mlbuild report post</c>) before trusting it.</summary>
    public int? PullRequestNumber { get; init; }

    /// <summary>The commit evaluated: the pull request's head.</summary>
    public string? HeadSha { get; init; }

    /// <summary>The run that made it.</summary>
    public string? RunUrl { get; init; }

    /// <summary>Whether every gate and expectation passed; null when unknown (a report.md saved by hand).</summary>
    public bool? Passed { get; init; }

    /// <summary>The project evaluated, as a path in the repository ("samples/Iris/Iris.csproj").</summary>
    public string? Project { get; init; }

    /// <summary>Writes <c>report.md</c> and <c>mlbuild-report.json</c> into <paramref name="directory"/>, each
    /// through a temporary file renamed into place, so a reader never sees half a report.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteAtomically(Path.Combine(directory, MarkdownFileName), Markdown);
        WriteAtomically(Path.Combine(directory, MetadataFileName), JsonSerializer.Serialize(this, Json) + "\n");
    }

    /// <summary>
    /// Reads a saved report from its folder, from its <c>report.md</c>, or from its <c>mlbuild-report.json</c>. A
    /// <c>report.md</c> alone (no metadata beside it) is a report with the id <paramref name="defaultId"/>.
    /// </summary>
    /// <exception cref="SavedReportException">The report is missing or its metadata does not parse: the message says
    /// which file and what to do.</exception>
    public static SavedReport Load(string path, string defaultId = "mlbuild")
    {
        var directory = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var markdownFile = Path.Combine(directory, MarkdownFileName);
        if (File.Exists(path) && !Path.GetFileName(path).Equals(MetadataFileName, StringComparison.OrdinalIgnoreCase))
            markdownFile = path;
        if (!File.Exists(markdownFile))
            throw new SavedReportException($"{markdownFile}: no saved report there. Give the folder the Evaluate target saved the report in (MlBuildReportDirectory, or obj/<configuration>/<framework>/mlbuild/).");

        var metadataFile = Path.Combine(directory, MetadataFileName);
        var markdown = File.ReadAllText(markdownFile, Encoding.UTF8);
        if (!File.Exists(metadataFile))
            return new SavedReport { ReportId = defaultId, Markdown = markdown };
        try
        {
            var saved = JsonSerializer.Deserialize<SavedReport>(File.ReadAllText(metadataFile), Json)
                ?? throw new JsonException("the file holds null");
            if (string.IsNullOrWhiteSpace(saved.ReportId))
                throw new JsonException("reportId is missing");
            return saved with { Markdown = markdown };
        }
        catch (JsonException e)
        {
            throw new SavedReportException($"{metadataFile}: not a saved MlBuild report ({e.Message}). Save it again with the Evaluate target, or give report.md alone with --report-id.");
        }
    }

    static void WriteAtomically(string path, string content)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>A saved report that cannot be read; the message names the file and the fix.</summary>
public sealed class SavedReportException(string message) : Exception(message);
