namespace MlBuild.Worker.Evaluation.Bootstrap;

/// <summary>A bootstrap resample as row weights: n rows drawn uniformly with replacement from the n rows, each row's
/// weight the number of times it was drawn (the classic multinomial bootstrap, not the Poisson approximation, so a
/// resample always has exactly n rows, however small the slice).</summary>
internal static class Resample
{
    public static void Draw(int seed, int resample, Span<int> weights)
    {
        weights.Clear();
        var random = SplitMix64.ForStream(seed, resample);
        var n = (uint)weights.Length;
        var i = 0;
        // Two draws from each 64-bit number: the generator is half the cost of a draw.
        for (; i + 1 < weights.Length; i += 2)
        {
            var (first, second) = random.NextTwoBelow(n);
            weights[(int)first]++;
            weights[(int)second]++;
        }
        if (i < weights.Length)
            weights[(int)random.NextBelow(n)]++;
    }
}
