namespace MlBuild.Data.Leakage;

/// <summary>
/// Estimates how many rows of a file have a twin (another row with the same key) in bounded memory, by adaptive hash
/// sampling: it keeps the keys whose hash falls below a threshold, with their counts, and halves the threshold whenever
/// it holds more than <see cref="Capacity"/> keys. Twins share a key, so a sampled key brings all its copies: the
/// sample's share of rows with twins estimates the file's without bias. Exact while the file has at most
/// <see cref="Capacity"/> distinct rows.
/// </summary>
public sealed class TwinSampler
{
    public const int Capacity = 1 << 18;

    private readonly Dictionary<ulong, long> _counts = [];
    private int _shift;

    public long Rows { get; private set; }

    public bool IsExact => _shift == 0;

    public void Add(ulong key)
    {
        Rows++;
        if (!Sampled(key))
            return;
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        while (_counts.Count > Capacity)
        {
            _shift++;
            foreach (var dropped in _counts.Keys.Where(k => !Sampled(k)).ToList())
                _counts.Remove(dropped);
        }
    }

    /// <summary>The estimated number of rows that have a twin in the file.</summary>
    public double RowsWithTwins
    {
        get
        {
            long sampled = 0, twins = 0;
            foreach (var count in _counts.Values)
            {
                sampled += count;
                if (count > 1)
                    twins += count;
            }
            return sampled == 0 ? 0 : (double)twins / sampled * Rows;
        }
    }

    // The top bits of a well-mixed hash: keeping those with `shift` leading zeros keeps 2^-shift of all keys.
    private bool Sampled(ulong key) => _shift == 0 || key >> (64 - _shift) == 0;
}
