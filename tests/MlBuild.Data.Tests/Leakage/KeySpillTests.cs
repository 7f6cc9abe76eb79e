using MlBuild.Data.Leakage;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Leakage;

public sealed class KeySpillTests
{
    [Fact]
    public void Keys_read_back_in_order_and_the_file_is_gone_once_disposed()
    {
        using var temp = new TestDirectory();
        var keys = Enumerable.Range(0, 100_000).Select(i => ((ulong)i * 0x9E3779B97F4A7C15, i + 2)).ToList();

        using (var spill = new KeySpill(temp.Path))
        {
            foreach (var (key, line) in keys)
                spill.Add(key, line);
            Assert.Equal(keys, spill.Read());
            // Read twice: a pass over the smaller file may need the keys again.
            Assert.Equal(keys.Count, spill.Read().Count());
        }

        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void On_Unix_the_file_has_no_name_while_it_is_open()
    {
        // A worker killed mid-pass cannot dispose the spill: on Unix there is nothing to leave behind. Windows cannot
        // remove the name of an open file, and deletes it on close.
        using var temp = new TestDirectory();
        using var spill = new KeySpill(temp.Path);
        spill.Add(42, 7);

        Assert.Equal(OperatingSystem.IsWindows() ? 1 : 0, Directory.GetFiles(temp.Path).Length);
        Assert.Equal([(42UL, 7)], spill.Read());
    }
}
