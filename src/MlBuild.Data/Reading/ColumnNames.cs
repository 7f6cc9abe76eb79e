namespace MlBuild.Data.Reading;

/// <summary>Column names as MlBuild gives them to ML.NET.</summary>
internal static class ColumnNames
{
    /// <summary>Two columns with one name would hide each other in ML.NET; a suffix keeps both reachable.</summary>
    public static List<string> Unique(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var name in names)
        {
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
                unique = $"{name}_{n}";
            result.Add(unique);
        }
        return result;
    }
}
