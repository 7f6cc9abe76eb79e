using MlBuild.Core.Evaluation;

namespace MlBuild.Core.Tests.Evaluation;

public sealed class MetricFormatTests
{
    private static MetricDefinition M(string name) => MetricCatalog.Find(name)!;

    [Theory]
    [InlineData("MacroAccuracy", 0.93333333, "0.9333")]
    [InlineData("LogLoss", 0.47687, "0.4769")]
    [InlineData("MeanSquaredError", 12345.678901, "12345.6789")]
    [InlineData("MeanSquaredError", 0.0000123456, "1.235E-05")]
    [InlineData("PredictionLatencyP95Ms", 1.4249, "1.42 ms")]
    [InlineData("TrainingSeconds", 0.219, "0.22 s")]
    [InlineData("ModelSizeBytes", 512, "512 B")]
    [InlineData("ModelSizeBytes", 4322, "4.2 KiB")]
    [InlineData("PeakMemoryBytes", 157286400, "150.0 MiB")]
    [InlineData("PeakMemoryBytes", 3221225472, "3.00 GiB")]
    [InlineData("ThroughputRowsPerSecond", 12345.4, "12,345 rows/s")]
    public void Values_are_formatted_in_their_unit(string metric, double value, string expected) =>
        Assert.Equal(expected, MetricFormat.Value(M(metric), value));

    [Theory]
    [InlineData("MacroAccuracy", -0.031, "-3.10 pp")]
    [InlineData("MacroAccuracy", 0.0125, "+1.25 pp")]
    [InlineData("MacroAccuracy", 0, "0.00 pp")]
    [InlineData("LogLoss", 0.01234, "+0.0123")]
    [InlineData("PredictionLatencyP95Ms", 0.5, "+0.500 ms")]
    [InlineData("PredictionLatencyP95Ms", 2.5, "+2.50 ms")]
    [InlineData("ModelSizeBytes", -2048, "-2.0 KiB")]
    public void Deltas_carry_a_sign_and_rates_are_in_percentage_points(string metric, double delta, string expected) =>
        Assert.Equal(expected, MetricFormat.Delta(M(metric), delta));

    [Fact]
    public void Percentages_and_thresholds_read_as_written()
    {
        Assert.Equal("+35.2 %", MetricFormat.Percent(35.21));
        Assert.Equal("-3.4 %", MetricFormat.Percent(-3.44));
        Assert.Equal("n/a (baseline 0)", MetricFormat.Percent(double.PositiveInfinity));
        Assert.Equal("20", MetricFormat.Threshold(20));
        Assert.Equal("0.01", MetricFormat.Threshold(0.01));
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_machine_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("0.9333", MetricFormat.Value(M("MacroAccuracy"), 0.93333));
            Assert.Equal("12,345 rows/s", MetricFormat.Value(M("ThroughputRowsPerSecond"), 12345));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
