using MlBuild.Data.Files;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Scanning;

/// <summary>The columns of a file with the kinds its sample shows (<see cref="ColumnKindInference"/>), from the rows
/// that have a label when the label is known (an empty label makes a boolean column categorical otherwise), and which
/// columns the sample left undecided (every value empty).</summary>
public sealed record SampledKinds(IReadOnlyList<DataColumn> Columns, IReadOnlySet<int> Undecided)
{
    public static SampledKinds Infer(DataSource source, int? label = null)
    {
        var names = source.Layout.ColumnNames;
        var evidence = names.Select(_ => new KindEvidence()).ToArray();
        foreach (var record in source.Sample)
        {
            if (label is { } l && Values.IsMissing(record.Fields[l]))
                continue;
            for (var i = 0; i < evidence.Length; i++)
                evidence[i].Add(record.Fields[i]);
        }
        var columns = names.Select((name, i) => new DataColumn(name, i, evidence[i].Kind, evidence[i].Missing > 0)).ToList();
        var undecided = Enumerable.Range(0, names.Count).Where(i => evidence[i].NonEmpty == 0).ToHashSet();
        return new SampledKinds(columns, undecided);
    }
}
