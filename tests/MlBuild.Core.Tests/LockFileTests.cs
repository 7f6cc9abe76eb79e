using System.Text.Json;
using System.Text.Json.Nodes;
using MlBuild.Core.LockFiles;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests;

public sealed class LockFileTests
{
    private static LockEntry Entry(string fingerprint, double accuracy) => LockEntry.Complete(
        new JsonObject { ["task"] = "Regression", ["fingerprint"] = fingerprint, ["seed"] = 42 },
        "FastTree", "xxh128:00ff", 1234, new Dictionary<string, double> { ["RSquared"] = accuracy, ["MeanAbsoluteError"] = 1.5 }, 2.34567);

    [Fact]
    public void It_is_written_with_sorted_keys_one_value_per_line_and_a_final_newline()
    {
        var lockFile = LockFile.Empty();
        lockFile.Models["Zebra"] = Entry("bb", 0.5);
        lockFile.Models["Apple"] = Entry("aa", 0.75);

        var text = lockFile.Serialize();

        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain("\r", text);
        Assert.True(text.IndexOf("\"Apple\"", StringComparison.Ordinal) < text.IndexOf("\"Zebra\"", StringComparison.Ordinal));
        Assert.True(text.IndexOf("\"MeanAbsoluteError\"", StringComparison.Ordinal) < text.IndexOf("\"RSquared\"", StringComparison.Ordinal));
        Assert.True(text.IndexOf("\"models\"", StringComparison.Ordinal) < text.IndexOf("\"version\"", StringComparison.Ordinal));
        Assert.Contains("\n      \"trainingSeconds\": 2.346\n", text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Count(c => c == ':') <= 1 || line.Contains("xxh128"), line));
    }

    [Fact]
    public void It_reads_back_what_it_wrote()
    {
        using var directory = new TestDirectory();
        var path = directory.File("mlbuild.lock.json");
        var lockFile = LockFile.Empty();
        lockFile.Models["Iris"] = Entry("aa", 0.75);
        lockFile.Save(path);

        var read = LockFile.Load(path);

        Assert.Equal("aa", read.Models["Iris"].Fingerprint);
        Assert.Equal("xxh128:00ff", read.Models["Iris"].ModelHash);
        Assert.Equal(1234, read.Models["Iris"].ModelSize);
        Assert.Equal(lockFile.Serialize(), read.Serialize());
    }

    [Fact]
    public void An_unchanged_lock_file_is_not_rewritten()
    {
        using var directory = new TestDirectory();
        var path = directory.File("mlbuild.lock.json");
        var lockFile = LockFile.Empty();
        lockFile.Models["Iris"] = Entry("aa", 0.75);
        Assert.True(lockFile.Save(path));
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.False(LockFile.Load(path).Save(path));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(path));

        lockFile.Models["Iris"] = Entry("ab", 0.75);
        Assert.True(lockFile.Save(path));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public void A_missing_lock_file_is_an_empty_lock()
    {
        using var directory = new TestDirectory();
        Assert.Empty(LockFile.Load(directory.File("mlbuild.lock.json")).Models);
    }

    [Fact]
    public void A_lock_file_broken_by_a_merge_conflict_is_reported_with_its_line()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("mlbuild.lock.json", "{\n  \"models\": {\n<<<<<<< HEAD\n  }\n}\n");

        var error = Assert.ThrowsAny<JsonException>(() => LockFile.Load(path));
        Assert.Equal(2, error.LineNumber);
    }
}
