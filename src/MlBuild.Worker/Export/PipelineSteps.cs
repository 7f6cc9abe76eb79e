using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.Export;

/// <summary>A trained model as the list of its transformers, in order, with nested chains opened (a declarative model
/// is a chain of the featurizer's chain, the trainer's transformer and the key-to-value mapping), and how to name one
/// of them in a message.</summary>
internal static class PipelineSteps
{
    public static IReadOnlyList<ITransformer> Flatten(ITransformer model)
    {
        var steps = new List<ITransformer>();
        void Add(ITransformer transformer)
        {
            if (transformer is IEnumerable<ITransformer> chain)
                foreach (var inner in chain)
                    Add(inner);
            else
                steps.Add(transformer);
        }
        Add(model);
        return steps;
    }

    /// <summary>The first <paramref name="count"/> steps as one model.</summary>
    public static ITransformer Prefix(IReadOnlyList<ITransformer> steps, int count) =>
        new TransformerChain<ITransformer>(steps.Take(count).ToArray());

    /// <summary>The columns step <paramref name="index"/> writes: the ones it adds to the schema it reads, and the ones
    /// it replaces in place (ML.NET keeps the old column, hidden, beside the new one).</summary>
    public static IReadOnlyList<string> OutputColumns(IReadOnlyList<ITransformer> steps, int index, DataViewSchema input)
    {
        var before = index == 0 ? input : Prefix(steps, index).GetOutputSchema(input);
        var after = steps[index].GetOutputSchema(before);
        int Hidden(DataViewSchema schema, string name) => schema.Count(c => c.IsHidden && c.Name == name);
        return after
            .Where(c => !c.IsHidden && (before.GetColumnOrNull(c.Name) is null || Hidden(after, c.Name) > Hidden(before, c.Name)))
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>A type as C# writes it, without namespaces but with the types it is nested in:
    /// <c>CustomMappingTransformer&lt;TaxiTrip, Scaled&gt;</c>, <c>TextFeaturizingEstimator.Transformer</c>.</summary>
    public static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
            name = name[..tick];
        // A nested type's generic arguments include its declaring type's: only its own are written after its name.
        var inherited = type.DeclaringType?.GetGenericArguments().Length ?? 0;
        var own = type.GetGenericArguments().Skip(inherited).ToList();
        if (own.Count > 0)
            name += $"<{string.Join(", ", own.Select(TypeName))}>";
        return type.DeclaringType is { } outer && !type.IsGenericParameter ? $"{TypeName(outer)}.{name}" : name;
    }
}
