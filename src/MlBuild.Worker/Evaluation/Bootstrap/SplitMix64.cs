namespace MlBuild.Worker.Evaluation.Bootstrap;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast generator that passes BigCrush. The worker's own, rather
/// than System.Random, because the intervals are recorded in the lock file: the same seed must draw the same resamples
/// on every machine and every .NET version, and a resample of 100,000 rows needs 100,000 draws, so speed matters.
/// </summary>
internal struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    /// <summary>An independent stream for each (seed, stream) pair: resample b of a seed draws the same rows whichever
    /// thread computes it, and in whatever order.</summary>
    public static SplitMix64 ForStream(int seed, int stream) =>
        new(Mix(Mix((ulong)(uint)seed) ^ (ulong)(uint)stream * Gamma));

    public ulong Next()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, bound) without bias (Lemire's multiply-and-reject, 2019).</summary>
    public uint NextBelow(uint bound) => Below(Next() >> 32, bound);

    /// <summary>Two independent draws in [0, bound), from the two halves of one number.</summary>
    public (uint First, uint Second) NextTwoBelow(uint bound)
    {
        var bits = Next();
        return (Below(bits & uint.MaxValue, bound), Below(bits >> 32, bound));
    }

    // Maps 32 random bits to [0, bound); the rare product that would favour some values is redrawn.
    private uint Below(ulong bits, uint bound)
    {
        var product = bits * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = (0u - bound) % bound;
            while (low < threshold)
            {
                product = (Next() >> 32) * bound;
                low = (uint)product;
            }
        }
        return (uint)(product >> 32);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
