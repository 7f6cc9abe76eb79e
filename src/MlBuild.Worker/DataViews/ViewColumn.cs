using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlBuild.Worker.DataViews;

/// <summary>The values of one column of an <see cref="InMemoryDataView"/>, held in a typed array.</summary>
internal abstract class ViewColumn
{
    protected ViewColumn(string name, DataViewType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }
    public DataViewType Type { get; }

    public static ViewColumn<float> Of(string name, float[] values) => new(name, NumberDataViewType.Single, values);
    public static ViewColumn<bool> Of(string name, bool[] values) => new(name, BooleanDataViewType.Instance, values);

    public static ViewColumn<ReadOnlyMemory<char>> Of(string name, string[] values) =>
        new(name, TextDataViewType.Instance, values.Select(v => v.AsMemory()).ToArray());
}

internal sealed class ViewColumn<T> : ViewColumn
{
    private readonly T[] _values;

    public ViewColumn(string name, DataViewType type, T[] values)
        : base(name, type)
    {
        _values = values;
    }

    public ValueGetter<T> Getter(Func<int> currentRow) => (ref T value) => value = _values[currentRow()];
}
