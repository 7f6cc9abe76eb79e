namespace MlBuild.Data.Diagnostics;

/// <summary>Collects row errors of a data file up to a limit, then throws them together.</summary>
public sealed class DiagnosticBag
{
    // Enough to see a pattern in the bad rows without flooding the build log.
    public const int Limit = 10;

    private readonly List<Diagnostic> _items = [];

    public bool IsFull => _items.Count >= Limit;

    public void Add(string code, Location at, string message)
    {
        if (!IsFull)
            _items.Add(new Diagnostic(code, at, message));
    }

    public void Add(Diagnostic diagnostic)
    {
        if (!IsFull)
            _items.Add(diagnostic);
    }

    public void ThrowIfAny()
    {
        if (_items.Count > 0)
            throw new MlbException(_items.ToList());
    }
}
