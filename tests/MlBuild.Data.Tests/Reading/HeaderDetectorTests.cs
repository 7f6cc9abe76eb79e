using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Reading;

public sealed class HeaderDetectorTests
{
    private static HeaderDecision Detect(params string[] lines)
    {
        var records = lines.Select((l, i) => new DataRecord(i + 1, l.Split(','))).ToList();
        return HeaderDetector.Detect(records[0], records.Skip(1));
    }

    [Fact]
    public void A_first_line_starting_with_hash_is_a_header() =>
        Assert.True(Detect("#Label,x", "0,1").HasHeader);

    [Fact]
    public void A_first_line_of_numbers_is_data() =>
        Assert.False(Detect("63.0,1.0", "67.0,0.0").HasHeader);

    [Fact]
    public void A_name_above_numbers_makes_a_header() =>
        Assert.True(Detect("vendor_id,rate_code,fare", "CMT,1,17.5", "VTS,1,8").HasHeader);

    [Fact]
    public void A_name_above_true_false_values_makes_a_header() =>
        Assert.True(Detect("name,active", "ann,true", "bob,FALSE").HasHeader);

    [Fact]
    public void Text_above_numbers_that_fits_its_text_column_is_data() =>
        Assert.False(Detect("CMT,1,17.5", "VTS,1,8", "CMT,2,9").HasHeader);

    [Fact]
    public void When_every_column_holds_text_a_header_is_assumed()
    {
        var decision = Detect("name,city", "ann,paris", "bob,rome");

        Assert.True(decision.HasHeader);
        Assert.Contains("text", decision.Reason);
    }

    [Fact]
    public void A_few_bad_values_do_not_hide_a_numeric_column()
    {
        var lines = new[] { "name,price" }.Concat(Enumerable.Range(0, 19).Select(i => $"x{i},{i}")).Append("y,abc").ToArray();

        Assert.True(Detect(lines).HasHeader);
    }
}
