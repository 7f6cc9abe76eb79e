namespace MlBuild.Core.Evaluation;

/// <summary>
/// Which input files changed between two lock entries, by content hash. Inputs are matched by path: a model moved
/// to another test file shows the old one removed and the new one added.
/// </summary>
internal static class InputsDiff
{
    public static IReadOnlyList<DataFileChange> Compare(IReadOnlyList<LockInput> baseline, IReadOnlyList<LockInput> candidate)
    {
        var before = baseline.DistinctBy(i => i.Path, StringComparer.Ordinal).ToList();
        var after = candidate.DistinctBy(i => i.Path, StringComparer.Ordinal).ToList();
        var beforeByPath = before.ToDictionary(i => i.Path, StringComparer.Ordinal);
        var afterPaths = after.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);

        var changes = new List<DataFileChange>();
        foreach (var input in after)
        {
            if (!beforeByPath.TryGetValue(input.Path, out var old))
                changes.Add(new(input.Path, input.Role, DataChangeKind.Added, null, input.Size, null, input.Hash));
            else if (!string.Equals(old.Hash, input.Hash, StringComparison.Ordinal))
                changes.Add(new(input.Path, input.Role, DataChangeKind.Changed, old.Size, input.Size, old.Hash, input.Hash));
        }
        foreach (var input in before.Where(i => !afterPaths.Contains(i.Path)))
            changes.Add(new(input.Path, input.Role, DataChangeKind.Removed, input.Size, null, input.Hash, null));
        return changes;
    }
}
