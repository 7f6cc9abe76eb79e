using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MlBuild.Worker.Tests.Support;

/// <summary>An exported ONNX model run with ONNX Runtime, as an application without ML.NET runs it: every input is a
/// column of shape [rows, 1] (strings as string tensors), fed here from the same rows the ML.NET model reads.</summary>
internal sealed class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxSession(string path)
    {
        // ONNX Runtime warns about the shapes ML.NET's graphs declare (MergeShapeInfo); harmless, and not for test logs.
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        _session = new InferenceSession(path, options);
    }

    public IReadOnlyList<string> Inputs => _session.InputMetadata.Keys.ToList();

    public IReadOnlyList<string> Outputs => _session.OutputMetadata.Keys.ToList();

    /// <summary>Runs the model on every row of <paramref name="rows"/> and returns each named output, flattened.</summary>
    public IReadOnlyDictionary<string, Array> Run(IDataView rows, params string[] outputs)
    {
        var inputs = _session.InputMetadata.Select(input => Column(rows, input.Key, input.Value.ElementType)).ToList();
        using var results = _session.Run(inputs, outputs);
        return results.ToDictionary(r => r.Name, r => r.Value switch
        {
            Tensor<float> t => (Array)t.ToArray(),
            Tensor<bool> t => t.ToArray(),
            Tensor<string> t => t.ToArray(),
            Tensor<long> t => t.ToArray(),
            var other => throw new NotSupportedException($"{r.Name}: {other?.GetType()}"),
        });
    }

    private static NamedOnnxValue Column(IDataView rows, string name, Type type)
    {
        if (type == typeof(float))
            return Tensor(name, rows.GetColumn<float>(name).ToArray());
        if (type == typeof(bool))
            return Tensor(name, rows.GetColumn<bool>(name).ToArray());
        if (type == typeof(string))
            return Tensor(name, rows.GetColumn<ReadOnlyMemory<char>>(name).Select(v => v.ToString()).ToArray());
        throw new NotSupportedException($"The ONNX input {name} is of type {type}.");
    }

    private static NamedOnnxValue Tensor<T>(string name, T[] values) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<T>(values, [values.Length, 1]));

    public void Dispose() => _session.Dispose();
}
