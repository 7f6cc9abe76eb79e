namespace MlBuild.Data.Leakage;

/// <summary>
/// The row keys of the smaller of a training and a test file, each with the lines where it occurs (the first few) and
/// how often; the rows of the other file are then looked up one by one as it streams past. What it holds grows with the
/// smaller file's rows only (about 40 bytes a distinct row), never with the larger one's.
/// </summary>
public sealed class RowIndex
{
    /// <summary>Lines kept per key: the leakage message shows the first five shared test rows.</summary>
    public const int LinesKept = 5;

    private readonly Dictionary<ulong, Entry> _entries = [];

    public long Rows { get; private set; }

    public int Distinct => _entries.Count;

    public void Add(ulong key, int line)
    {
        Rows++;
        if (_entries.TryGetValue(key, out var entry))
            entry.Add(line);
        else
            _entries[key] = new Entry(line);
    }

    public Entry? Find(ulong key) => _entries.GetValueOrDefault(key);

    /// <summary>Rows of this file whose key occurs at least twice in it.</summary>
    public long RowsWithTwins => _entries.Values.Where(e => e.Count > 1).Sum(e => e.Count);

    public IEnumerable<Entry> Entries => _entries.Values;

    public sealed class Entry
    {
        private int[]? _more;

        public Entry(int line) => FirstLine = line;

        public int FirstLine { get; }
        public long Count { get; private set; } = 1;

        /// <summary>For an entry of the test file: the first line of the training file that has the same row.</summary>
        public int MatchedLine { get; set; }

        /// <summary>The lines where the key occurs, the first <see cref="LinesKept"/> of them.</summary>
        public IEnumerable<int> Lines => _more is null ? [FirstLine] : _more.Where(l => l > 0).Prepend(FirstLine);

        public void Add(int line)
        {
            if (Count < LinesKept)
            {
                _more ??= new int[LinesKept - 1];
                _more[Count - 1] = line;
            }
            Count++;
        }
    }
}
