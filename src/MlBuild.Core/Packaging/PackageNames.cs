using System.Globalization;
using System.Text.RegularExpressions;

namespace MlBuild.Core.Packaging;

/// <summary>NuGet's rules for a package id and version, checked before packing so that a bad one is an MLB error at
/// the MlModel item rather than a NuGet error about a generated project the user never wrote.</summary>
internal static partial class PackageNames
{
    public const string DefaultPrefixSuffix = ".Models.";

    public static bool IsValidId(string id) => id.Length is > 0 and <= 100 && IdPattern().IsMatch(id);

    public static bool IsValidVersion(string version) => VersionPattern().IsMatch(version);

    /// <summary>The version as NuGet writes it in the package's file name: build metadata dropped, at least three
    /// numbers, a fourth only when it is not zero ("1.0" → "1.0.0", "1.2.3.0" → "1.2.3").</summary>
    public static string NormalizeVersion(string version)
    {
        var plus = version.IndexOf('+');
        if (plus >= 0)
            version = version[..plus];
        var dash = version.IndexOf('-');
        var release = dash >= 0 ? version[..dash] : version;
        var label = dash >= 0 ? version[dash..] : "";
        var numbers = release.Split('.').Select(n => long.Parse(n, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).ToList();
        while (numbers.Count < 3)
            numbers.Add("0");
        if (numbers.Count == 4 && numbers[3] == "0")
            numbers.RemoveAt(3);
        return string.Join('.', numbers) + label;
    }

    /// <summary>The file NuGet's pack writes: &lt;id&gt;.&lt;normalized version&gt;.nupkg.</summary>
    public static string PackageFileName(string id, string version) => $"{id}.{NormalizeVersion(version)}.nupkg";

    // NuGet's PackageIdValidator.
    [GeneratedRegex(@"^\w+([.-]\w+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // SemVer 2.0 (and NuGet's legacy four-part versions).
    [GeneratedRegex(@"^\d+(\.\d+){1,3}(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
