namespace MlBuild.Data.Tests.Statistics;

/// <summary>
/// Streams of values the sketch is tested on, each from a seeded generator. The sketch only compares values, so a
/// monotone transform of one stream has the very same rank errors (exponential and Pareto below are one stream): the
/// skewed distributions matter for the quantile values and interpolation, while the ties and the orders (sorted,
/// reversed, alternating, periodic) are what could break the rank error.
/// </summary>
internal static class SketchData
{
    public static readonly IReadOnlyList<string> Names =
    [
        "lognormal", "pareto", "exponential", "duplicates", "ten-values", "sorted", "reverse-sorted", "zigzag",
        "organ-pipe", "sawtooth",
    ];

    public static double[] Generate(string name, int n, int seed = 1)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
            values[i] = name switch
            {
                // σ = 2: the largest of 10⁶ values is about e^10 times the median.
                "lognormal" => Math.Exp(2 * Support.TestFiles.Normal(random)),
                // α = 0.8: an infinite mean, a few values dwarf all the others.
                "pareto" => Math.Pow(1 - random.NextDouble(), -1 / 0.8),
                "exponential" => -Math.Log(1 - random.NextDouble()),
                // Zipf-like integers: half the values are 1, a long tail of rarer ones.
                "duplicates" => Math.Floor(1 / (1 - random.NextDouble())),
                "ten-values" => random.Next(10),
                "sorted" or "reverse-sorted" => -Math.Log(1 - random.NextDouble()),
                // The smallest and the largest values left, alternately.
                "zigzag" => i % 2 == 0 ? i / 2 : n - 1 - i / 2,
                // Up through the even values, then down through the odd ones.
                "organ-pipe" => i < (n + 1) / 2 ? 2 * i : 2 * (n - 1 - i) + 1,
                // The same rising run of 1,000 again and again, each a little higher.
                "sawtooth" => i % 1000 + (double)i / n,
                _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
            };
        if (name == "sorted")
            Array.Sort(values);
        else if (name == "reverse-sorted")
        {
            Array.Sort(values);
            Array.Reverse(values);
        }
        return values;
    }
}
