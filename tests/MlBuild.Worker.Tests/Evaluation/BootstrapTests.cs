using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Bootstrap;
using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Tests.Evaluation;

public sealed class BootstrapTests
{
    private const int Resamples = Bootstrapper.DefaultResamples;

    /// <summary>n rows whose predictions are right with probability p (labels balanced).</summary>
    private static BinaryPredictions Bernoulli(int n, double p, int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray();
        var scores = labels.Select(l => (float)((random.NextDouble() < p) == l ? 1 + random.NextDouble() : -1 - random.NextDouble())).ToArray();
        return new BinaryPredictions(labels, scores, null);
    }

    [Fact]
    public void The_accuracy_interval_of_bernoulli_outcomes_is_the_normal_approximation()
    {
        const int n = 2000;
        var predictions = Bernoulli(n, 0.8, seed: 1);

        var accuracy = Bootstrapper.Run([predictions.CreateMetrics()], Resamples, seed: 42).Estimates(0)[MetricNames.Accuracy];

        // The bootstrap distribution of an accuracy is Binomial(n, p̂)/n, close to normal here (n p̂ (1 − p̂) = 320), so
        // its 2.5th and 97.5th percentiles are p̂ ∓ 1.96·√(p̂(1 − p̂)/n) = p̂ ∓ 0.0175. With 1000 resamples each percentile
        // has a Monte Carlo standard error of about √(0.025·0.975/1000)/φ(1.96) ≈ 0.085 standard errors (0.0008), and
        // an accuracy moves in steps of 1/n (0.0005): 0.004 is five Monte Carlo errors plus a step, whatever the seed.
        var halfWidth = 1.96 * Math.Sqrt(accuracy.Value * (1 - accuracy.Value) / n);
        Assert.InRange(accuracy.Value, 0.77, 0.83);
        Assert.Equal(accuracy.Value - halfWidth, accuracy.Low, 0.004);
        Assert.Equal(accuracy.Value + halfWidth, accuracy.High, 0.004);
    }

    [Fact]
    public void The_mean_absolute_error_of_two_rows_spans_the_three_possible_resamples()
    {
        // Resamples of errors {0, 1}: {0, 0} (MAE 0) and {1, 1} (MAE 1) a quarter of the time each, far more often
        // than the 2.5% a percentile needs.
        var predictions = new RegressionPredictions([0f, 5f], [0f, 6f]);

        var mae = Bootstrapper.Run([predictions.CreateMetrics()], Resamples, seed: 3).Estimates(0)[MetricNames.MeanAbsoluteError];

        Assert.Equal(new MetricEstimate(0.5, 0, 1), mae);
    }

    [Fact]
    public void The_mean_absolute_error_interval_of_a_known_sample_is_the_mean_plus_or_minus_two_standard_errors()
    {
        const int n = 1000;
        var random = new Random(7);
        var labels = Enumerable.Range(0, n).Select(_ => (float)random.Next(0, 100)).ToArray();
        var errors = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2)).ToArray();
        var predictions = new RegressionPredictions(labels, labels.Zip(errors, (l, e) => l + e).ToArray());

        var mae = Bootstrapper.Run([predictions.CreateMetrics()], Resamples, seed: 42).Estimates(0)[MetricNames.MeanAbsoluteError];

        // The bootstrap distribution of a mean has the sample's spread over √n; uniform errors on [0, 2] make it
        // normal to a good approximation. Tolerance: as for accuracy, 0.085 standard errors per percentile of Monte
        // Carlo error (0.0015 here): 0.006 is four of them.
        var mean = errors.Average(e => (double)e);
        var sd = Math.Sqrt(errors.Average(e => (e - mean) * (e - mean)));
        var halfWidth = 1.96 * sd / Math.Sqrt(n);
        Assert.Equal(mean, mae.Value, 1e-5);
        Assert.Equal(mean - halfWidth, mae.Low, 0.006);
        Assert.Equal(mean + halfWidth, mae.High, 0.006);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_others()
    {
        var set = Bernoulli(500, 0.7, seed: 2).CreateMetrics();

        var first = Bootstrapper.Run([set], Resamples, seed: 5).Estimates(0);
        var second = Bootstrapper.Run([set], Resamples, seed: 5).Estimates(0);
        var other = Bootstrapper.Run([set], Resamples, seed: 6).Estimates(0);

        Assert.Equal(first, second);
        Assert.NotEqual(first.Values.Select(e => e.Low), other.Values.Select(e => e.Low));
    }

    [Fact]
    public void Each_resample_draws_as_many_rows_as_there_are()
    {
        var weights = new int[1000];
        for (var b = 0; b < 20; b++)
        {
            Resample.Draw(seed: 1, resample: b, weights);
            Assert.Equal(1000, weights.Sum());
            // About 1/e of the rows are left out of a resample.
            Assert.InRange(weights.Count(w => w == 0), 300, 440);
        }
    }

    [Fact]
    public void Identical_models_differ_by_zero_on_every_resample()
    {
        var predictions = Bernoulli(400, 0.75, seed: 3);

        var result = Bootstrapper.Run([predictions.CreateMetrics(), predictions.CreateMetrics()], Resamples, seed: 1);
        var deltas = result.Deltas(0, 1);

        Assert.NotEmpty(deltas);
        Assert.All(deltas.Values, d =>
        {
            Assert.Equal(new PairedDelta(0, 0, 0), d);
            Assert.False(d.Significant);
        });
    }

    [Fact]
    public void A_clearly_worse_model_on_the_same_rows_is_a_significant_paired_regression()
    {
        var random = new Random(4);
        var labels = Enumerable.Range(0, 300).Select(_ => (float)random.Next(10, 50)).ToArray();
        var good = labels.Select(l => l + (float)(random.NextDouble() * 2 - 1)).ToArray();
        var worse = labels.Select(l => l + (float)(random.NextDouble() * 6 - 3)).ToArray();
        var candidate = new RegressionPredictions(labels, worse).CreateMetrics();
        var baseline = new RegressionPredictions(labels, good).CreateMetrics();

        var deltas = Bootstrapper.Run([candidate, baseline], Resamples, seed: 1).Deltas(0, 1);

        Assert.True(deltas[MetricNames.MeanAbsoluteError] is { Significant: true, Low: > 0 }, $"{deltas[MetricNames.MeanAbsoluteError]}");
        Assert.True(deltas[MetricNames.RSquared] is { Significant: true, High: < 0 }, $"{deltas[MetricNames.RSquared]}");
    }

    [Fact]
    public void Pairing_sees_a_small_difference_that_two_separate_intervals_would_not()
    {
        // The candidate is slightly better on every row: the models' own intervals overlap widely, the paired
        // interval of the difference does not reach 0, because the rows' noise is shared.
        var random = new Random(8);
        var labels = Enumerable.Range(0, 300).Select(_ => (float)random.Next(10, 50)).ToArray();
        var noise = labels.Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        var baseline = new RegressionPredictions(labels, labels.Zip(noise, (l, e) => l + e).ToArray()).CreateMetrics();
        var candidate = new RegressionPredictions(labels, labels.Zip(noise, (l, e) => l + 0.95f * e).ToArray()).CreateMetrics();

        var result = Bootstrapper.Run([candidate, baseline], Resamples, seed: 1);
        var (mine, theirs) = (result.Estimates(0)[MetricNames.MeanAbsoluteError], result.Estimates(1)[MetricNames.MeanAbsoluteError]);

        Assert.True(mine.High > theirs.Low, $"candidate {mine}, baseline {theirs}: the intervals should overlap");
        Assert.True(result.Deltas(0, 1)[MetricNames.MeanAbsoluteError] is { Significant: true, High: < 0 });
    }

    [Fact]
    public void A_metric_undefined_on_some_resamples_takes_its_interval_from_the_others()
    {
        // One positive in six rows: about a third of the resamples miss it and have no AUC.
        var predictions = new BinaryPredictions([true, false, false, false, false, false],
            [2f, 1f, -1f, 0.5f, -2f, 3f], null);

        var auc = Bootstrapper.Run([predictions.CreateMetrics()], Resamples, seed: 1).Estimates(0)[MetricNames.AreaUnderRocCurve];

        Assert.Equal(0.8, auc.Value, 1e-12);
        Assert.InRange(auc.Low, 0, auc.Value);
        Assert.InRange(auc.High, auc.Value, 1);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.5, 5.5)]
    [InlineData(1.0, 10)]
    [InlineData(0.025, 1.225)]
    public void Percentiles_interpolate_between_ranks(double fraction, double expected) =>
        Assert.Equal(expected, Percentile.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], fraction), 1e-12);
}
