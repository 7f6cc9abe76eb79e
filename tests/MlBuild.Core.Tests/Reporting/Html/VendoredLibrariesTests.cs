using System.Security.Cryptography;
using System.Text;
using MlBuild.Core.Reporting.Html;

namespace MlBuild.Core.Tests.Reporting.Html;

/// <summary>
/// The charting libraries report.html inlines are the npm packages' builds that Vendor/README.md names, byte for byte
/// (its table's SHA-256), and MlBuild.Core embeds exactly those files (and the report's own style and script): an
/// update that forgets the table, the versions or a file fails here rather than in a reviewer's browser.
/// </summary>
public sealed class VendoredLibrariesTests
{
    private static readonly string Vendor = Path.Combine(RepositoryRoot.Path, "src", "MlBuild.Core", "Reporting", "Html", "Vendor");

    /// <summary>The README's table: file, npm package ("vega 6.4.0"), file in the package, SHA-256, licence.</summary>
    private static IReadOnlyList<string[]> Table()
    {
        var rows = File.ReadAllLines(Path.Combine(Vendor, "README.md"))
            .SkipWhile(l => !l.StartsWith("| file |", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        Assert.True(rows.Count > 2, "no table of files in Vendor/README.md");
        Assert.Equal(["file", "npm package", "file in the package", "SHA-256", "licence"], rows[0]);
        return rows.Skip(2).ToList();
    }

    private static byte[] Embedded(string name)
    {
        using var stream = typeof(HtmlDocument).Assembly.GetManifestResourceStream("MlBuild.Core.Reporting.Html." + name);
        Assert.True(stream is not null, $"{name} is not embedded in MlBuild.Core");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void The_table_lists_both_libraries_at_the_versions_the_document_names()
    {
        var table = Table();

        Assert.Equal(["vega.min.js", "vega-lite.min.js"], table.Select(r => r[0]));
        Assert.Equal(["vega " + HtmlDocument.VegaVersion, "vega-lite " + HtmlDocument.VegaLiteVersion], table.Select(r => r[1]));
        Assert.All(table, row => Assert.Matches("^[0-9a-f]{64}$", row[3]));
    }

    [Fact]
    public void Each_vendored_file_has_the_hash_of_the_table()
    {
        foreach (var row in Table())
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Vendor, row[0]))));
            Assert.True(row[3] == hash, $"{row[0]}: SHA-256 {hash}, Vendor/README.md says {row[3]}");
        }
    }

    [Fact]
    public void Each_library_says_its_own_version_and_has_its_licence_beside_it()
    {
        foreach (var row in Table())
        {
            var version = row[1].Split(' ')[1];
            Assert.Contains($"\"{version}\"", File.ReadAllText(Path.Combine(Vendor, row[0])));
            // "BSD-3-Clause (vega.LICENSE.txt)": the licence's text, with its clause on redistribution.
            var licence = Path.Combine(Vendor, row[4].Split('(', ')')[1]);
            Assert.StartsWith("BSD-3-Clause", row[4]);
            Assert.Contains("Redistribution and use in source and binary forms", File.ReadAllText(licence));
            Assert.Contains("University of Washington Interactive Data Lab", File.ReadAllText(licence));
        }
    }

    [Theory]
    [InlineData("Reporting/Html/Vendor/vega.min.js")]
    [InlineData("Reporting/Html/Vendor/vega-lite.min.js")]
    [InlineData("Reporting/Html/report.css")]
    [InlineData("Reporting/Html/report.js")]
    public void The_embedded_resource_is_the_file(string path)
    {
        var file = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "src", "MlBuild.Core", path));

        Assert.True(file.AsSpan().SequenceEqual(Embedded(Path.GetFileName(path))), $"the embedded {Path.GetFileName(path)} is not {path}");
    }

    [Fact]
    public void The_document_inlines_each_library_whole_but_for_its_source_map_comment()
    {
        var document = HtmlDocument.Write([HtmlReport.Render(HtmlFixtures.Report([HtmlFixtures.Binary()]))]);

        foreach (var file in new[] { "vega.min.js", "vega-lite.min.js" })
        {
            var library = Encoding.UTF8.GetString(Embedded(file));
            var inlined = string.Join('\n', library.Split('\n').Where(l => !l.StartsWith("//# sourceMappingURL=", StringComparison.Ordinal))).TrimEnd();
            Assert.Contains("<script>\n" + inlined + "\n</script>\n", document);
        }
    }
}
