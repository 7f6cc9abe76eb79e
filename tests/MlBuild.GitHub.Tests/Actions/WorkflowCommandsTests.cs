using MlBuild.GitHub.Actions;

namespace MlBuild.GitHub.Tests.Actions;

public sealed class WorkflowCommandsTests
{
    [Fact]
    public void An_error_names_its_file_line_column_and_title() =>
        Assert.Equal(
            "::error file=samples/Iris/Iris.csproj,line=12,col=5,title=MLB5016::Iris: MacroAccuracy 0.8800 is below 0.9000",
            WorkflowCommands.Error("Iris: MacroAccuracy 0.8800 is below 0.9000", "samples/Iris/Iris.csproj", 12, 5, "MLB5016"));

    [Fact]
    public void A_warning_without_location_has_no_properties() =>
        Assert.Equal("::warning::Could not post the report", WorkflowCommands.Warning("Could not post the report"));

    [Fact]
    public void A_notice_is_written_like_an_error() =>
        Assert.Equal("::notice file=a.csproj::posted", WorkflowCommands.Notice("posted", "a.csproj"));

    [Fact]
    public void The_message_escapes_percent_and_line_breaks() =>
        Assert.Equal("::error::100%25 sure%0Dnext%0Aline: a, b", WorkflowCommands.Error("100% sure\rnext\nline: a, b"));

    [Fact]
    public void Properties_also_escape_colons_and_commas() =>
        Assert.Equal("::error file=C%3A/src/a%2Cb.csproj,title=Gate%3A 50%25%0Aover::m",
            WorkflowCommands.Error("m", "C:/src/a,b.csproj", title: "Gate: 50%\nover"));

    [Fact]
    public void A_message_cannot_inject_a_second_command() =>
        Assert.DoesNotContain('\n', WorkflowCommands.Warning("model\n::add-mask::x"));

    [Fact]
    public void Zero_or_negative_lines_are_left_out() =>
        Assert.Equal("::error file=a.csproj::m", WorkflowCommands.Error("m", "a.csproj", line: 0, column: -1));

    [Fact]
    public void Groups_fold_the_lines_between_them()
    {
        Assert.Equal("::group::Training Iris%0A(2 models)", WorkflowCommands.Group("Training Iris\n(2 models)"));
        Assert.Equal("::endgroup::", WorkflowCommands.EndGroup());
    }

    [Fact]
    public void A_mask_is_escaped_like_data() =>
        Assert.Equal("::add-mask::ghs_a%25b%0Ac", WorkflowCommands.AddMask("ghs_a%b\nc"));
}
