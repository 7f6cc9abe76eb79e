using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Checks;

/// <summary>Makes a check's diagnostics at its level.</summary>
internal static class Finding
{
    public static Diagnostic At(CheckLevel level, string code, Location at, string message) =>
        new(code, at, message, level == CheckLevel.Error ? Severity.Error : Severity.Warning);

    /// <summary>"12", "1,234": row counts as the messages write them.</summary>
    public static string Count(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Share(double share) =>
        (share * 100).ToString(share < 0.1 ? "0.##" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    public static string Lines(IEnumerable<int> lines, long total, int shown = 5)
    {
        var list = lines.Take(shown).ToList();
        return string.Join(", ", list) + (total > list.Count ? ", …" : "");
    }
}
