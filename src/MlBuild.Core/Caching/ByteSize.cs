using System.Globalization;
using System.Text.RegularExpressions;

namespace MlBuild.Core.Caching;

/// <summary>Sizes as people write them in a property: <c>10GB</c>, <c>500 MB</c>, <c>1.5GiB</c>, or bytes. Units are
/// binary (1 GB = 1024³ bytes), as a disk-usage tool shows them.</summary>
internal static partial class ByteSize
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return false;
        var unit = match.Groups["unit"].Value.ToUpperInvariant().TrimEnd('B').TrimEnd('I');
        var factor = unit switch { "" => 1L, "K" => 1L << 10, "M" => 1L << 20, "G" => 1L << 30, "T" => 1L << 40, _ => 0L };
        if (factor == 0 || number < 0 || number * factor > long.MaxValue)
            return false;
        bytes = (long)(number * factor);
        return true;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    [GeneratedRegex(@"^(?<number>\d+(\.\d+)?)\s*(?<unit>([kKmMgGtT][iI]?)?[bB]?)$")]
    private static partial Regex Pattern();
}
