using System.Globalization;

namespace MlBuild.Data.Drift;

/// <summary>The drift report as a text table, the same in the build log and from the mlbuild tool.</summary>
public static class DriftTable
{
    public static IReadOnlyList<string> Render(DriftReport report)
    {
        var lines = new List<string>
        {
            $"{report.Model}: {Path.GetFileName(report.DataPath)} ({Rows(report.Rows)}) against the training data " +
            $"{report.Source} ({Rows(report.ReferenceRows)}): " +
            (report.HasDrift ? $"{report.Drifted.Count()} of {report.Features.Count} features drifted" : "no drift"),
        };
        var header = new[] { "feature", "kind", "PSI", "PSI limit", "KS", "KS limit", "drifted" };
        var rows = report.Features
            .OrderByDescending(f => f.Drifted).ThenByDescending(f => f.Psi)
            .Select(f => new[]
            {
                f.Measure == "length" ? $"{f.Feature} (length)" : f.Feature,
                f.Kind,
                Number(f.Psi),
                Number(f.PsiLimit),
                f.Ks is { } ks ? Number(ks) : "-",
                f.KsLimit is { } limit ? Number(limit) : "-",
                f.Drifted ? "DRIFTED" : "no",
            })
            .ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        lines.Add(Line(header));
        lines.Add(Line(widths.Select(w => new string('-', w)).ToArray()));
        lines.AddRange(rows.Select(Line));
        lines.Add($"  Limits: MaxPsi {Number(report.Thresholds.MaxPsi)}, MaxKs {Number(report.Thresholds.MaxKs)}, raised where " +
                  "chance reaches more on samples this small (1% level).");
        return lines;
    }

    private static string Rows(int rows) => $"{rows.ToString("N0", CultureInfo.InvariantCulture)} rows";

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
