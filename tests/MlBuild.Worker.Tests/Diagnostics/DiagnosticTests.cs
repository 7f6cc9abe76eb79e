using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData(3, 7, "/p/App.csproj(3,7): error MLB1006: Iris: bad")]
    [InlineData(3, 0, "/p/App.csproj(3): error MLB1006: Iris: bad")]
    [InlineData(0, 0, "/p/App.csproj: error MLB1006: Iris: bad")]
    public void Formats_the_msbuild_canonical_line(int line, int column, string expected) =>
        Assert.Equal(expected, new Diagnostic("MLB1006", new Location("/p/App.csproj", line, column), "bad").Format("Iris"));

    [Fact]
    public void A_message_stays_on_one_line() =>
        Assert.Equal("f: error MLB4003: M: a b c",
            new Diagnostic("MLB4003", new Location("f"), "a\r\nb\nc").Format("M"));

    [Fact]
    public void The_heartbeat_reports_elapsed_seconds_until_disposed()
    {
        var output = new Support.LineRecorder();
        var progress = new ProgressReporter(output, "Iris");

        using (new Heartbeat(progress, "training", TimeSpan.FromMilliseconds(20)))
            Assert.True(SpinWait.SpinUntil(() => output.Lines.Count >= 2, TimeSpan.FromSeconds(30)));
        var linesWhenDisposed = output.Lines.Count;
        Thread.Sleep(100);

        Assert.All(output.Lines, l => Assert.Matches(@"^mlbuild-progress: Iris: training… \d+ s$", l));
        Assert.Equal(linesWhenDisposed, output.Lines.Count);
    }

    [Fact]
    public void The_heartbeat_stays_quiet_while_a_pass_reports_its_own_progress()
    {
        var output = new Support.LineRecorder();
        var progress = new ProgressReporter(output, "Iris");

        using (new Heartbeat(progress, "training", TimeSpan.FromSeconds(1)))
        {
            // A pass reporting every 50 ms, far more often than the heartbeat's interval, for two intervals.
            for (var i = 0; i < 40; i++)
            {
                progress.Report($"training pass 1: {i} rows");
                Thread.Sleep(50);
            }
        }

        Assert.Equal(40, output.Lines.Count);
        Assert.All(output.Lines, l => Assert.Contains("training pass 1:", l));
    }
}
