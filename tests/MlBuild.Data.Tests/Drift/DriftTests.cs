using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Drift;
using MlBuild.Data.Profiles;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Drift;

/// <summary>New data against a training profile: generated from one seeded generator, shifted or not.</summary>
public sealed class DriftTests
{
    private static DataProfile Profile(TestDirectory temp, string text, IReadOnlyList<string>? names = null)
    {
        var file = TestFiles.Read(temp.Write("train.csv", text), columns: names);
        var (scan, selection) = TestFiles.Scan(file);
        using (scan)
            // Through JSON, as the drift check reads it.
            return ProfileJson.Deserialize(ProfileJson.Serialize(scan.Profile(selection, "Model")));
    }

    private static DriftReport Compare(TestDirectory temp, DataProfile profile, string name, string text) =>
        DriftAnalyzer.Compare(profile, DriftDataReader.Read(temp.Write(name, text), profile, TestFiles.Item), DriftThresholds.Default, "Model");

    [Fact]
    public void A_fresh_sample_of_the_same_distribution_does_not_drift()
    {
        using var temp = new TestDirectory();
        var profile = Profile(temp, TestFiles.Generated(2000, seed: 1));

        var report = Compare(temp, profile, "fresh.csv", TestFiles.Generated(1000, seed: 2));

        Assert.False(report.HasDrift, string.Join('\n', DriftTable.Render(report)));
        var x = report.Features.Single(f => f.Feature == "x");
        Assert.Equal(("Numeric", 0.25, 0.2), (x.Kind, x.PsiLimit, x.KsLimit));
        Assert.InRange(x.Psi, 0, 0.05);
        Assert.InRange(x.Ks!.Value, 0, 0.06);
        Assert.Null(report.Features.Single(f => f.Feature == "y").Ks);
        Assert.DoesNotContain(report.Features, f => f.Feature == "Label");
    }

    [Fact]
    public void A_shifted_numeric_feature_drifts_by_PSI_and_KS()
    {
        using var temp = new TestDirectory();
        var profile = Profile(temp, TestFiles.Generated(2000, seed: 1));

        var report = Compare(temp, profile, "shifted.csv", TestFiles.Generated(1000, seed: 3, mean: 1));

        var x = Assert.Single(report.Drifted);
        Assert.Equal("x", x.Feature);
        Assert.True(x.PsiDrifted && x.KsDrifted, $"PSI {x.Psi}, KS {x.Ks}");
        // N(1, 1) against N(0, 1): D = 2Φ(0.5) − 1 = 0.383.
        Assert.InRange(x.Ks!.Value, 0.33, 0.43);
        var error = Assert.Single(DriftFindings.Of(report, TestFiles.Item));
        Assert.Equal(MlbCodes.Drift, error.Code);
        Assert.Contains("the feature 'x' drifted from the training data: PSI", error.Message);
    }

    [Fact]
    public void A_new_category_drifts_the_categorical_feature()
    {
        using var temp = new TestDirectory();
        var profile = Profile(temp, TestFiles.Generated(2000, seed: 1));
        var purple = string.Join('\n', TestFiles.Generated(500, seed: 4).Split('\n')
            .Select((line, i) => i > 0 && i % 2 == 0 ? line[..line.LastIndexOf(',')] + ",purple" : line));

        var report = Compare(temp, profile, "purple.csv", purple);

        Assert.Equal(["y"], report.Drifted.Select(f => f.Feature));
    }

    [Fact]
    public void Data_without_a_header_takes_the_profile_names_with_or_without_the_label()
    {
        using var temp = new TestDirectory();
        string[] names = ["x", "y", "Label"];
        var random = new Random(5);
        string Rows(int count, bool label) => string.Concat(Enumerable.Range(0, count).Select(_ =>
            FormattableString.Invariant($"{TestFiles.Normal(random):0.###};{random.Next(4)}{(label ? $";{random.Next(2)}" : "")}\n")));
        var profile = Profile(temp, Rows(500, label: true), names);

        var withLabel = Compare(temp, profile, "with.csv", Rows(300, label: true));
        var withoutLabel = Compare(temp, profile, "without.csv", Rows(300, label: false));

        Assert.Equal(["x", "y"], withLabel.Features.Select(f => f.Feature));
        Assert.Equal(["x", "y"], withoutLabel.Features.Select(f => f.Feature));
        Assert.False(withLabel.HasDrift || withoutLabel.HasDrift);
    }

    [Fact]
    public void New_data_without_a_feature_column_is_MLB2112()
    {
        using var temp = new TestDirectory();
        var profile = Profile(temp, TestFiles.Generated(200, seed: 1));

        var error = Assert.Throws<MlbException>(() => Compare(temp, profile, "partial.csv",
            "Label,x\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"1,{i}\n")))).First;

        Assert.Equal(MlbCodes.DriftColumnMissing, error.Code);
        Assert.Contains("no column 'y'", error.Message);
    }

    [Fact]
    public void A_small_sample_gets_limits_raised_to_its_noise()
    {
        using var temp = new TestDirectory();
        var profile = Profile(temp, TestFiles.Generated(2000, seed: 1));

        var report = Compare(temp, profile, "few.csv", TestFiles.Generated(20, seed: 6));

        var x = report.Features.Single(f => f.Feature == "x");
        Assert.True(x.PsiLimit > 1, $"PSI limit {x.PsiLimit}");
        // 1.628·√((2000 + 20)/(2000·20)).
        Assert.Equal(0.3658, x.KsLimit!.Value, 3);
        Assert.False(report.HasDrift);
    }

    [Fact]
    public void The_table_lists_each_feature_with_its_statistics_and_limits_drifted_first()
    {
        using var temp = new TestDirectory();
        var profile = Profile(temp, TestFiles.Generated(2000, seed: 1));

        var lines = DriftTable.Render(Compare(temp, profile, "shifted.csv", TestFiles.Generated(1000, seed: 3, mean: 1)));

        Assert.StartsWith("Model: shifted.csv (1,000 rows) against the training data train.csv (2,000 rows): 1 of 2 features drifted", lines[0]);
        Assert.Matches(@"^\s+feature\s+kind\s+PSI\s+PSI limit\s+KS\s+KS limit\s+drifted$", lines[1]);
        Assert.Matches(@"^\s+x\s+Numeric\s+\d+\.\d{4}\s+0\.2500\s+0\.\d{4}\s+0\.2000\s+DRIFTED$", lines[3]);
        Assert.Matches(@"^\s+y\s+Categorical\s+0\.\d{4}\s+0\.2500\s+-\s+-\s+no$", lines[4]);
    }

    [Fact]
    public void A_missing_or_broken_profile_is_MLB2111()
    {
        using var temp = new TestDirectory();

        var missing = Assert.Throws<MlbException>(() => ProfileJson.Read(temp.File("none.profile.json"), TestFiles.Item)).First;
        var broken = Assert.Throws<MlbException>(() => ProfileJson.Read(temp.Write("broken.profile.json", "{ \"rows\": "), TestFiles.Item)).First;

        Assert.Equal((MlbCodes.DriftUnavailable, TestFiles.Item), (missing.Code, missing.At));
        Assert.Equal((MlbCodes.DriftUnavailable, temp.File("broken.profile.json")), (broken.Code, broken.At.File));
    }
}
