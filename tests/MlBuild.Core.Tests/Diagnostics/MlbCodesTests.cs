using System.Reflection;
using System.Text.RegularExpressions;
using MlBuild.Diagnostics;

namespace MlBuild.Core.Tests.Diagnostics;

/// <summary>
/// The MLB codes have one home (src/MlBuild.Contracts/Diagnostics/MlbCodes.cs): each declared once there, each explained in the
/// README's "Errors" table in the registry's words, and none written anywhere else in the sources.
/// </summary>
public sealed partial class MlbCodesTests
{
    private static readonly string RepoRoot = RepositoryRoot.Path;

    private static IReadOnlyList<(string Name, string Code, MlbCodeAttribute? About)> Declared() =>
        typeof(MlbCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (field.Name, (string)field.GetRawConstantValue()!, field.GetCustomAttribute<MlbCodeAttribute>()))
            .ToList();

    [Fact]
    public void Each_code_is_declared_once_with_a_severity_and_a_title()
    {
        var declared = Declared();

        Assert.True(declared.Count >= 70, $"only {declared.Count} codes declared");
        Assert.All(declared, entry =>
        {
            Assert.Matches(CodePattern(), entry.Code);
            Assert.NotNull(entry.About);
            Assert.False(string.IsNullOrWhiteSpace(entry.About!.Title), entry.Code);
        });
        var twice = declared.GroupBy(entry => entry.Code).Where(group => group.Count() > 1).Select(group => group.Key);
        Assert.Empty(twice);
    }

    [Fact]
    public void The_README_explains_every_code_in_the_registry_words_and_no_other()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        var errors = readme[readme.IndexOf("\n## Errors\n", StringComparison.Ordinal)..];
        errors = errors[..(errors.IndexOf("\n## ", 1, StringComparison.Ordinal) is var end and > 0 ? end : errors.Length)];
        var documented = ReadmeRow().Matches(errors).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);

        var declared = Declared().ToDictionary(entry => entry.Code, entry => entry.About!.Title);

        Assert.Equal(declared.Keys.Order(), documented.Keys.Order());
        Assert.All(declared, entry => Assert.Equal(entry.Value, documented[entry.Key]));
    }

    [Fact]
    public void No_source_file_but_the_registry_writes_a_code()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoRoot, "src"), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".targets", StringComparison.Ordinal)
                           || path.EndsWith(".props", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, path => path.EndsWith("MlbCodes.cs", StringComparison.Ordinal));

        var writers = sources
            .Where(path => !path.EndsWith($"Diagnostics{Path.DirectorySeparatorChar}MlbCodes.cs", StringComparison.Ordinal))
            .Where(path => QuotedCode().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepoRoot, path));

        Assert.Empty(writers);
    }

    [GeneratedRegex(@"^MLB\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\| (MLB\d{4}) \| (.*) \|$", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    // A code as a value: in quotes (C#) or as an MSBuild Code attribute.
    [GeneratedRegex(@"""MLB\d{4}""|Code=""MLB")]
    private static partial Regex QuotedCode();
}
