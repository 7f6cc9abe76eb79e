using System.Globalization;

namespace MlBuild.Benchmarks.Measurement;

/// <summary>
/// The peak resident memory of a process and of every process it starts, watched from /proc while it runs (Linux):
/// each process's own peak (VmHWM, which the kernel keeps, so a sample only has to come before the process exits),
/// and the largest sum of the tree's resident sets seen at one sample (VmRSS; sampled, so a short spike between two
/// samples can be missed). A build's worker is a grandchild of <c>dotnet build</c> (the MSBuild node starts
/// <c>dotnet exec … MlBuild.Worker.dll</c>): per-process peaks tell it from the build around it, which a single
/// /usr/bin/time figure for the whole build could not.
/// </summary>
internal sealed class ProcessTreeMemory : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<int, (string CommandLine, long PeakBytes)> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private int _root;
    private long _treePeakBytes;

    /// <summary>Starts watching <paramref name="pid"/> and its descendants until <see cref="Dispose"/>: the process
    /// runner's callback once the process runs.</summary>
    public void Start(int pid)
    {
        _root = pid;
        _thread = new Thread(Watch) { IsBackground = true, Name = $"memory of {pid}" };
        _thread.Start();
    }

    /// <summary>Whether <see cref="Start"/> ran (the process started).</summary>
    public bool Started => _thread is not null;

    /// <summary>The root process's own peak (VmHWM), in MB.</summary>
    public double RootPeakMegabytes => Megabytes(_seen.TryGetValue(_root, out var root) ? root.PeakBytes : 0);

    /// <summary>The largest peak of a process whose command line contains <paramref name="text"/>, in MB (0 when none
    /// was seen).</summary>
    public double PeakMegabytesOf(string text) => Megabytes(_seen.Values
        .Where(p => p.CommandLine.Contains(text, StringComparison.Ordinal)).Select(p => p.PeakBytes).DefaultIfEmpty(0).Max());

    /// <summary>Whether a process whose command line contains <paramref name="text"/> was seen.</summary>
    public bool Saw(string text) => _seen.Values.Any(p => p.CommandLine.Contains(text, StringComparison.Ordinal));

    /// <summary>The largest sum of the tree's resident sets at one sample, in MB.</summary>
    public double TreePeakMegabytes => Megabytes(_treePeakBytes);

    /// <summary>Stops watching (again: no effect); the figures above are final once this returns.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
            return;
        _stop.Cancel();
        _thread?.Join();
    }

    private void Watch()
    {
        do
            Sample();
        while (!_stop.Token.WaitHandle.WaitOne(Interval));
    }

    private void Sample()
    {
        // A process whose parent exits is handed to init: once seen, a process stays in the tree by its id.
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ParentOf(pid) is { } parent)
                parents[pid] = parent;
        var tree = new HashSet<int> { _root };
        tree.UnionWith(_seen.Keys);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                if (tree.Contains(parent) && tree.Add(pid))
                    grew = true;
        }

        long resident = 0;
        foreach (var pid in tree)
        {
            if (Status(pid) is not { } status)
                continue;
            resident += status.Resident;
            // Read every time: a child seen between fork and exec still shows its parent's command line and memory.
            // Its exec starts a new address space (and VmHWM): a new command line starts a new peak.
            var known = _seen.GetValueOrDefault(pid);
            var commandLine = CommandLine(pid) is { Length: > 0 } line ? line : known.CommandLine ?? "";
            var peak = known.CommandLine == commandLine ? Math.Max(known.PeakBytes, status.Peak) : status.Peak;
            _seen[pid] = (commandLine, peak);
        }
        _treePeakBytes = Math.Max(_treePeakBytes, resident);
    }

    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
    private static int? ParentOf(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var end = stat?.LastIndexOf(')') ?? -1;
        if (end < 0)
            return null;
        var fields = stat![(end + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : null;
    }

    private static (long Peak, long Resident)? Status(int pid)
    {
        var status = Read($"/proc/{pid}/status");
        if (status is null)
            return null;
        long peak = 0, resident = 0;
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                peak = Kilobytes(line) * 1024;
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                resident = Kilobytes(line) * 1024;
        }
        return (peak, resident);
    }

    private static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ') ?? "";

    // "VmHWM:	  123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    // A process can exit between listing /proc and reading it.
    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
