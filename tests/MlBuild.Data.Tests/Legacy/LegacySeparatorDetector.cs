// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>
/// Infers the separator from the first lines of a file: among ',', tab, ';' and '|', the one that appears the
/// same number of times on every sampled line wins (the most frequent such one); consistency beats frequency
/// because text fields often hold commas. With no consistent candidate, the one with the highest count on its
/// sparsest line wins; with none at all the file has one column, and ',' is as good as any.
/// </summary>
internal static class LegacySeparatorDetector
{
    public const int SampleLines = 20;

    // Order breaks ties: tab is the least likely to appear inside a value.
    private static readonly char[] Candidates = ['\t', ',', ';', '|'];

    public static char Detect(IReadOnlyList<string> firstLines)
    {
        var lines = firstLines.Where(l => !string.IsNullOrWhiteSpace(l)).Take(SampleLines).ToList();
        if (lines.Count == 0)
            return ',';

        char? best = null;
        var bestCount = 0;
        foreach (var candidate in Candidates)
        {
            var counts = lines.Select(l => Count(l, candidate)).ToList();
            if (counts[0] > 0 && counts.All(c => c == counts[0]) && counts[0] > bestCount)
            {
                best = candidate;
                bestCount = counts[0];
            }
        }
        if (best is { } consistent)
            return consistent;

        foreach (var candidate in Candidates)
        {
            var fewest = lines.Min(l => Count(l, candidate));
            if (fewest > bestCount)
            {
                best = candidate;
                bestCount = fewest;
            }
        }
        return best ?? ',';
    }

    // Commas inside quotes are not separators (quoting applies to ',' files only, as in LegacyRecordReader).
    private static int Count(string line, char candidate)
    {
        var count = 0;
        var inQuotes = false;
        foreach (var c in line)
        {
            if (candidate == ',' && c == '"')
                inQuotes = !inQuotes;
            else if (c == candidate && !inQuotes)
                count++;
        }
        return count;
    }
}
