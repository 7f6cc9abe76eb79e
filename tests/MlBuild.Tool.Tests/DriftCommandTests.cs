using System.Diagnostics;
using System.Globalization;
using MlBuild.Data.Profiles;

namespace MlBuild.Tool.Tests;

/// <summary><c>mlbuild drift</c>: a training profile and new data from one seeded generator, shifted or not.</summary>
public sealed class DriftCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mlbuild-drift-" + Guid.NewGuid().ToString("N")[..10]);

    public DriftCommandTests()
    {
        Directory.CreateDirectory(_folder);
        var train = Write("train.csv", Rows(2000, seed: 1, shift: 0));
        var profile = FileProfiles.Of(train, "Taxi");
        Write("Taxi.profile.json", ProfileJson.Serialize(profile));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Profile => Path.Combine(_folder, "Taxi.profile.json");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A trip's distance (exponential, mean 3 + shift), its payment type, and a fare label.</summary>
    private static string Rows(int count, int seed, double shift)
    {
        var random = new Random(seed);
        return "distance,payment,Label\n" + string.Concat(Enumerable.Range(0, count).Select(_ =>
        {
            var distance = -Math.Log(1 - random.NextDouble()) * (3 + shift);
            return string.Create(CultureInfo.InvariantCulture,
                $"{distance:0.##},{(random.NextDouble() < 0.7 ? "CRD" : "CSH")},{2.5 + 2 * distance:0.##}\n");
        }));
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await Program.RunAsync(args, new Dictionary<string, string?>(), output);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task A_fresh_sample_of_the_same_distribution_exits_0_with_the_table()
    {
        var data = Write("fresh.csv", Rows(1000, seed: 2, shift: 0));

        var (exitCode, output) = await Run("drift", "--profile", Profile, data);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Taxi: fresh.csv (1,000 rows) against the training data train.csv (2,000 rows): no drift", output);
        Assert.Matches(@"\n\s+distance\s+Numeric\s+0\.\d{4}\s+0\.2500\s+0\.\d{4}\s+0\.2000\s+no\r?\n", output);
        Assert.DoesNotContain("error", output);
    }

    [Fact]
    public async Task A_shifted_feature_exits_1_with_MLB2110_unless_the_thresholds_allow_it()
    {
        var data = Write("shifted.csv", Rows(1000, seed: 3, shift: 4));

        var (exitCode, output) = await Run("drift", "--profile", Profile, data);
        var (relaxed, _) = await Run("drift", "--profile", Profile, data, "--psi", "50", "--ks", "1");

        Assert.True(exitCode == 1, output);
        Assert.Matches(@"\n\s+distance\s+Numeric\s+\d+\.\d{4}\s+0\.2500\s+0\.\d{4}\s+0\.2000\s+DRIFTED\r?\n", output);
        Assert.Contains($"{data}(1): error MLB2110: Taxi: the feature 'distance' drifted from the training data: PSI", output);
        Assert.DoesNotContain("'payment'", output);
        Assert.Equal(0, relaxed);
    }

    [Fact]
    public async Task Data_without_a_header_and_without_the_label_is_read_with_the_profiles_columns()
    {
        var rows = Rows(800, seed: 4, shift: 0).Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => l[..l.LastIndexOf(',')]);
        var data = Write("production.csv", string.Join('\n', rows) + "\n");

        var (exitCode, output) = await Run("drift", "--profile", Profile, data);

        Assert.True(exitCode == 0, output);
        Assert.Contains("production.csv (800 rows)", output);
    }

    [Fact]
    public async Task A_missing_profile_exits_1_with_MLB2111()
    {
        var data = Write("fresh.csv", Rows(10, seed: 2, shift: 0));

        var (exitCode, output) = await Run("drift", "--profile", Path.Combine(_folder, "None.profile.json"), data);

        Assert.Equal(1, exitCode);
        Assert.Contains("error MLB2111:", output);
        Assert.Contains("there is no data profile", output);
    }

    [Theory]
    [InlineData("drift")]
    [InlineData("drift", "data.csv")]
    [InlineData("drift", "--profile", "p.json", "data.csv", "--psi", "0")]
    [InlineData("drift", "--profile", "p.json", "data.csv", "--ks", "1.5")]
    [InlineData("drift", "--profile", "p.json", "data.csv", "--separator", "tabs")]
    public async Task Usage_errors_exit_with_2(params string[] args) =>
        Assert.Equal(2, (await Run(args)).ExitCode);

    [Fact]
    public async Task The_built_tool_reports_drift_as_a_process_with_exit_code_1()
    {
        var data = Write("shifted.csv", Rows(1000, seed: 3, shift: 4));
        var tool = Path.Combine(AppContext.BaseDirectory, "mlbuild.dll");
        var start = new ProcessStartInfo(DotNetHost(), ["exec", tool, "drift", "--profile", Profile, data])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 1, output);
        Assert.Contains("DRIFTED", output);
        Assert.Contains("error MLB2110:", output);
    }

    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
