using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Evaluation.Bootstrap;

/// <summary>
/// Computes metric sets on the rows themselves and on seeded bootstrap resamples of them. Every set sees the same
/// resamples (the same weight vector for resample b), so the differences between two models' sets on one resample
/// form a paired distribution: the noise both share, which rows happen to be in the test set, cancels out.
/// </summary>
internal static class Bootstrapper
{
    public const int DefaultResamples = 1000;

    /// <param name="sets">Metric sets over the same rows (candidate first, then baseline, say).</param>
    /// <param name="resamples">How many resamples; 0 gives intervals of zero width.</param>
    /// <param name="seed">The item's Seed: the same seed draws the same resamples, so the intervals are reproducible.</param>
    public static BootstrapResult Run(IReadOnlyList<IMetricSet> sets, int resamples, int seed)
    {
        var rows = sets[0].Rows;
        if (sets.Any(s => s.Rows != rows))
            throw new ArgumentException("Every metric set must cover the same rows.", nameof(sets));

        var ones = new int[rows];
        Array.Fill(ones, 1);
        var full = sets.Select(s => Compute(s, ones)).ToArray();
        var samples = sets.Select(s => s.Names.Select(_ => new double[resamples]).ToArray()).ToArray();

        // Resample b depends on (seed, b) only, so the threads change nothing but the time taken.
        Parallel.For(0, resamples, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => (Weights: new int[rows], Values: new double[sets.Max(s => s.Names.Count)]),
            (b, _, buffers) =>
            {
                Resample.Draw(seed, b, buffers.Weights);
                for (var s = 0; s < sets.Count; s++)
                {
                    sets[s].Compute(buffers.Weights, buffers.Values);
                    for (var m = 0; m < sets[s].Names.Count; m++)
                        samples[s][m][b] = buffers.Values[m];
                }
                return buffers;
            },
            _ => { });

        return new BootstrapResult(sets.Select(s => s.Names).ToArray(), full, samples);
    }

    private static double[] Compute(IMetricSet set, int[] weights)
    {
        var values = new double[set.Names.Count];
        set.Compute(weights, values);
        return values;
    }
}
