using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace MlBuild.Worker.Export;

/// <summary>
/// One conversion attempt, which either gives the ONNX bytes or says why it failed. ML.NET's converter has two ways to
/// fail: it throws (a step writes a column the ONNX graph never gets), or, for a step it cannot convert, it only logs a
/// warning ("Had to stop walkback of pipeline…") and converts the steps after it as if they read the raw inputs, which
/// silently gives a different model when that step replaced a column in place. That warning is a failure here.
/// </summary>
internal static class OnnxConversion
{
    private const string StoppedWalkback = "cannot save itself as ONNX";

    /// <summary>The ONNX model, or null and the reason the converter gave.</summary>
    public static (byte[]? Onnx, string? Failure) TryConvert(MLContext ml, ITransformer model, IDataView input)
    {
        string? skipped = null;
        void Listen(object? sender, LoggingEventArgs e)
        {
            if (e.Kind == ChannelMessageKind.Warning && (e.RawMessage ?? e.Message).Contains(StoppedWalkback, StringComparison.Ordinal))
                skipped ??= "it has no ONNX conversion";
        }

        ml.Log += Listen;
        try
        {
            using var stream = new MemoryStream();
            OnnxConverterPackage.Convert(ml, model, input, stream);
            return skipped is null ? (stream.ToArray(), null) : (null, skipped);
        }
        // An assembly that cannot be loaded is the project's set-up, not the pipeline's: ExceptionTranslator reports it.
        catch (Exception e) when (e is not (OutOfMemoryException or FileNotFoundException or FileLoadException))
        {
            return (null, $"its conversion failed: {e.Message}");
        }
        finally
        {
            ml.Log -= Listen;
        }
    }
}
