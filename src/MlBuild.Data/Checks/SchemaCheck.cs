using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Checks;

/// <summary>MLB2101: columns added, removed or changed in kind, or another label, since the schema the lock file
/// recorded when the model was last trained. The saved model's input schema is every column of the data, so any of
/// these changes what an application must feed it; and an upstream export that silently drops or retypes a column is
/// better caught here than in production.</summary>
public static class SchemaCheck
{
    public const string AcceptHint =
        "If the change is intended, build once with -p:MlBuildAcceptSchemaChanges=true (the lock file then records the " +
        "new schema), or set SchemaChanges=\"warning\" on the MlModel item.";

    public static IEnumerable<Diagnostic> Run(CheckInput input, CheckLevel level)
    {
        if (level == CheckLevel.Off || input.Previous is not { } previous)
            yield break;
        var now = input.Columns.ToDictionary(c => c.Name, c => c.Kind.ToString(), StringComparer.Ordinal);
        var removed = previous.Columns.Keys.Where(c => !now.ContainsKey(c)).ToList();
        var added = now.Keys.Where(c => !previous.Columns.ContainsKey(c)).ToList();
        var changed = previous.Columns.Where(p => now.TryGetValue(p.Key, out var kind) && kind != p.Value)
            .Select(p => $"'{p.Key}' is {now[p.Key]} (was {p.Value})").ToList();
        var changes = new List<string>();
        if (removed.Count > 0)
            changes.Add($"removed {Names(removed)}");
        if (added.Count > 0)
            changes.Add($"added {Names(added)}");
        changes.AddRange(changed);
        if (previous.Label is { } label && label != input.Selection.Label.Name)
            changes.Add($"the label is '{input.Selection.Label.Name}' (was '{label}')");
        if (changes.Count == 0)
            yield break;
        yield return Finding.At(level, MlbCodes.SchemaChanged, input.Train.Source.Layout.ColumnsAt,
            $"the training data's columns changed since the model was last trained (as mlbuild.lock.json records): " +
            $"{string.Join("; ", changes)}. The model's input schema changes with them, and so must the applications " +
            $"that use it. {AcceptHint}");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
