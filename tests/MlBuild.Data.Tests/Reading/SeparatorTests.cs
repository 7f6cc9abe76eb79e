using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Tests.Reading;

public sealed class SeparatorTests
{
    [Theory]
    [InlineData("a,b,c/1,2,3/4,5,6", ',')]
    [InlineData("a\tb/1\t2/3\t4", '\t')]
    [InlineData("63.0;1.0;1.0/67.0;1.0;4.0", ';')]
    [InlineData("a|b|c/1|2|3", '|')]
    public void Detects_the_separator_that_every_line_has(string lines, char expected) =>
        Assert.Equal(expected, SeparatorDetector.Detect(lines.Split('/')));

    [Fact]
    public void Consistency_beats_frequency_when_text_holds_commas()
    {
        string[] lines = ["Sentiment\tSentimentText", "1\tYou, sir, are rude, very rude", "0\tfine", "1\ta, b"];

        Assert.Equal('\t', SeparatorDetector.Detect(lines));
    }

    [Fact]
    public void Commas_inside_quotes_do_not_count()
    {
        string[] lines = ["id;name", "1;\"a, b, c\"", "2;\"d\""];

        Assert.Equal(';', SeparatorDetector.Detect(lines));
    }

    [Fact]
    public void Without_a_consistent_candidate_the_most_frequent_on_every_line_wins()
    {
        string[] lines = ["a,b;c", "1,2;3", "1,2,x;3"];

        Assert.Equal(';', SeparatorDetector.Detect(lines));
    }

    [Fact]
    public void A_single_column_file_gets_a_comma() =>
        Assert.Equal(',', SeparatorDetector.Detect(["value", "1", "2"]));

    [Fact]
    public void The_real_files_get_their_separators()
    {
        Assert.Equal('\t', DataSource.Open(Datasets.SentimentTrain, new(new Location("p"))).Layout.Separator);
        Assert.Equal(';', DataSource.Open(Datasets.HeartTrain, new(new Location("p"))).Layout.Separator);
        Assert.Equal(',', DataSource.Open(Datasets.TaxiTrain, new(new Location("p"))).Layout.Separator);
    }

    [Theory]
    [InlineData("tab", '\t')]
    [InlineData("TAB", '\t')]
    [InlineData("\t", '\t')]
    [InlineData("\\t", '\t')]
    [InlineData(";", ';')]
    [InlineData("semicolon", ';')]
    [InlineData("pipe", '|')]
    public void The_setting_takes_a_character_or_a_name(string value, char expected) =>
        Assert.Equal(expected, SeparatorSetting.Parse(value, new Location("p.csproj", 3, 4)));

    [Fact]
    public void An_unset_separator_is_inferred() =>
        Assert.Null(SeparatorSetting.Parse(null, new Location("p.csproj")));

    [Fact]
    public void A_longer_setting_is_an_invalid_metadata_value()
    {
        var error = Assert.Throws<MlbException>(() => SeparatorSetting.Parse("::", new Location("p.csproj", 3, 4))).First;

        Assert.Equal(MlbCodes.InvalidMetadataValue, error.Code);
        Assert.Equal(new Location("p.csproj", 3, 4), error.At);
        Assert.Contains("'::'", error.Message);
    }
}
