using Microsoft.ML;
using MlBuild.Data.Profiles;
using MlBuild.Data.Statistics;
using MlBuild.Worker.Evaluation.Plots;
using MlBuild.Worker.Evaluation.Scoring;

namespace MlBuild.Worker.Tests.Evaluation.Plots;

public sealed class FeatureCounterTests
{
    private sealed class Row
    {
        public string City { get; set; } = "";
        public float Size { get; set; }
        public float Price { get; set; }
    }

    private static readonly string[] Cities = ["Lyon", "Paris", "Nice", "Brest"];

    /// <summary>Sizes in halves (exact as text and as doubles), some missing; cities from a skewed set, some empty.</summary>
    private static Row[] Rows(int n, int seed, double sizeShift = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => new Row
        {
            City = random.Next(20) == 0 ? "" : Cities[Math.Min(random.Next(6), 3)],
            Size = random.Next(25) == 0 ? float.NaN : (float)(Math.Round((20 + random.NextDouble() * 80 + sizeShift) * 2) / 2),
            Price = random.Next(1, 10),
        }).ToArray();
    }

    private static ColumnProfile Numeric(string name, IEnumerable<float> values)
    {
        var all = values.ToList();
        var numbers = all.Where(float.IsFinite).Select(v => (double)v).ToList();
        return new ColumnProfile
        {
            Name = name,
            Kind = "Numeric",
            Role = ColumnRole.Feature,
            Count = all.Count,
            Missing = all.Count - numbers.Count,
            Numeric = ProfileBuilder.Numbers(numbers),
        };
    }

    private static ColumnProfile Categorical(string name, IEnumerable<string> values)
    {
        var all = values.ToList();
        return new ColumnProfile
        {
            Name = name,
            Kind = "Categorical",
            Role = ColumnRole.Feature,
            Count = all.Count,
            Missing = all.Count(v => v.Length == 0),
            Categories = ProfileBuilder.Categories(all.Where(v => v.Length > 0).ToList()),
        };
    }

    [Fact]
    public void Features_counted_in_the_scoring_pass_of_a_one_hot_pipeline_are_their_test_values_in_the_profile_s_bins()
    {
        var train = Rows(800, seed: 1);
        var test = Rows(300, seed: 2, sizeShift: 15);
        var profiles = new[] { Categorical("City", train.Select(r => r.City)), Numeric("Size", train.Select(r => r.Size)) };
        var ml = new MLContext(seed: 1);
        var input = ml.Data.LoadFromEnumerable(test);
        // The encoding puts its outputs right after City, moving Size: the counter must read the input's Size.
        var scored = ml.Transforms.Categorical.OneHotEncoding("City")
            .Append(ml.Transforms.ReplaceMissingValues("Size"))
            .Append(ml.Transforms.Concatenate("Features", "City", "Size", "Price"))
            .Fit(input).Transform(input);
        var counters = profiles
            .Select(p => new FeatureCounter(ColumnCollector.InputColumnOf(scored, input.Schema[p.Name])!.Value, p)).ToList();

        using (var cursor = scored.GetRowCursor(counters.Select(c => c.Column)))
        {
            foreach (var counter in counters)
                counter.Bind(cursor);
            while (cursor.MoveNext())
                foreach (var counter in counters)
                    counter.Collect();
        }
        var (city, size) = (counters[0].Distribution()!, counters[1].Distribution()!);

        // City: the listed values, then (other) and (missing), the empty cities counted as missing.
        Assert.Equal(("City", "Categorical"), (city.Feature, city.Kind));
        Assert.Equal([.. profiles[0].Categories!.Top.Select(c => c.Value), ProfileBins.OtherBin, ProfileBins.MissingBin], city.Bins);
        Assert.Equal([.. profiles[0].Categories!.Top.Select(c => test.LongCount(r => r.City == c.Value)), 0, test.LongCount(r => r.City == "")],
            city.Test);
        Assert.Equal(train.LongCount(r => r.City == ""), city.Train[^1]);

        // Size: the training deciles' bins, then the missing values; NaN (which the pipeline replaces) counted as missing.
        var histogram = profiles[1].Numeric!.Histogram;
        var expected = new long[histogram.Counts.Count + 1];
        foreach (var row in test)
            expected[float.IsNaN(row.Size) ? ^1 : histogram.BinOf(row.Size)]++;
        Assert.Equal(expected, size.Test);
        Assert.Equal(test.Length, size.Test.Sum());
        Assert.Equal(train.Length, size.Train.Sum());
        Assert.Equal(PopulationStability.OfCounts(size.Train, size.Test), size.Psi, 1e-12);
        // The shifted sizes are a real shift, far beyond the noise of 300 rows; the cities are not.
        Assert.True(size.Psi > size.PsiNoiseBound, $"PSI {size.Psi}, noise bound {size.PsiNoiseBound}");
        Assert.True(city.Psi < city.PsiNoiseBound, $"PSI {city.Psi}, noise bound {city.PsiNoiseBound}");
    }

    [Fact]
    public void A_feature_whose_every_training_value_was_missing_has_no_distribution()
    {
        var test = Rows(20, seed: 3);
        var profile = Numeric("Size", Enumerable.Repeat(float.NaN, 10));
        var ml = new MLContext(seed: 1);
        var input = ml.Data.LoadFromEnumerable(test);
        var counter = new FeatureCounter(input.Schema["Size"], profile);

        using (var cursor = input.GetRowCursor([counter.Column]))
        {
            counter.Bind(cursor);
            while (cursor.MoveNext())
                counter.Collect();
        }

        Assert.Null(counter.Distribution());
    }
}
