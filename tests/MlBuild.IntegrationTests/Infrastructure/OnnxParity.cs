using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MlBuild.IntegrationTests.Infrastructure;

/// <summary>
/// A built model and its ONNX export, both run on every row of a test file: the model (&lt;Name&gt;.zip) with ML.NET, as
/// an application loads it, and the export (&lt;Name&gt;.onnx) with ONNX Runtime, as an application without ML.NET
/// runs it (every input a column of shape [rows, 1], strings as string tensors). The rows are read once, by ML.NET's
/// text loader with the model's input schema, and fed to both.
/// </summary>
public sealed class OnnxParity : IDisposable
{
    private readonly InferenceSession _session;
    private readonly IDataView _rows;
    private readonly IDataView _scored;

    /// <param name="hasHeader">Whether ML.NET's loader should skip a first line (a '#' header is a comment to it).</param>
    public OnnxParity(string modelFile, string onnxFile, string testFile, char separator, bool hasHeader)
    {
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(modelFile, out var schema);
        var columns = schema.Select(c => new TextLoader.Column(c.Name, c.Type switch
        {
            BooleanDataViewType => DataKind.Boolean,
            TextDataViewType => DataKind.String,
            _ => DataKind.Single,
        }, c.Index)).ToArray();
        _rows = ml.Data.LoadFromTextFile(testFile, columns, separator, hasHeader, allowQuoting: true);
        _scored = model.Transform(_rows);
        // ONNX Runtime warns about the shapes ML.NET's graphs declare (MergeShapeInfo): harmless, not for test logs.
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        _session = new InferenceSession(onnxFile, options);
    }

    public IReadOnlyList<string> Inputs => _session.InputMetadata.Keys.ToList();

    /// <summary>An output column of the ML.NET model, one value per row (a vector column flattened).</summary>
    public T[] MlNet<T>(string column) => _scored.Schema[column].Type is VectorDataViewType
        ? _scored.GetColumn<VBuffer<T>>(column).SelectMany(v => v.DenseValues()).ToArray()
        : _scored.GetColumn<T>(column).ToArray();

    /// <summary>An output of the ONNX model (ML.NET names them &lt;column&gt;.output), flattened.</summary>
    public T[] Onnx<T>(string column)
    {
        var inputs = _session.InputMetadata.Select(i => Input(i.Key, i.Value.ElementType)).ToList();
        using var results = _session.Run(inputs, [column + ".output"]);
        return results.Single().AsTensor<T>().ToArray();
    }

    private NamedOnnxValue Input(string name, Type type) =>
        type == typeof(float) ? Tensor(name, _rows.GetColumn<float>(name).ToArray())
        : type == typeof(bool) ? Tensor(name, _rows.GetColumn<bool>(name).ToArray())
        : type == typeof(string) ? Tensor(name, _rows.GetColumn<ReadOnlyMemory<char>>(name).Select(v => v.ToString()).ToArray())
        : throw new NotSupportedException($"The ONNX input {name} is of type {type}.");

    private static NamedOnnxValue Tensor<T>(string name, T[] values) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<T>(values, [values.Length, 1]));

    public void Dispose() => _session.Dispose();
}
