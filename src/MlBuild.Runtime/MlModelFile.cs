using Microsoft.ML;

namespace MlBuild;

/// <summary>
/// Loads a model that MlBuild trained, by the name of its MlModel item, from the application's directory
/// (<c>&lt;ModelName&gt;.zip</c> beside the application's assemblies, where the build puts it).
/// </summary>
/// <remarks>A model takes its input by the columns of its training data, by name; the label is not needed. Text and
/// categorical columns are strings, numeric columns Single (float), true/false columns Boolean.</remarks>
public static class MlModelFile
{
    /// <summary>The path of the model named <paramref name="modelName"/>: <c>&lt;directory&gt;/&lt;modelName&gt;.zip</c>.</summary>
    /// <param name="modelName">The Include of the model's MlModel item.</param>
    /// <param name="directory">Where to look; null for <see cref="AppContext.BaseDirectory"/>.</param>
    /// <exception cref="ArgumentException">The name is empty or holds a path.</exception>
    public static string PathOf(string modelName, string? directory = null)
    {
        if (string.IsNullOrWhiteSpace(modelName) || modelName.IndexOfAny(['/', '\\']) >= 0)
            throw new ArgumentException($"'{modelName}' is not a model name: give the Include of an MlModel item.", nameof(modelName));
        return Path.Combine(directory ?? AppContext.BaseDirectory, modelName + ".zip");
    }

    /// <summary>Loads the model named <paramref name="modelName"/>.</summary>
    /// <param name="ml">The context to load into.</param>
    /// <param name="modelName">The Include of the model's MlModel item.</param>
    /// <param name="directory">Where to look; null for <see cref="AppContext.BaseDirectory"/>.</param>
    /// <returns>The model, which transforms rows of its input schema into predictions.</returns>
    /// <exception cref="FileNotFoundException">The model has not been trained or copied there yet.</exception>
    public static ITransformer Load(MLContext ml, string modelName, string? directory = null) =>
        Load(ml, modelName, out _, directory);

    /// <summary>Loads the model named <paramref name="modelName"/>, with the schema of the rows it takes.</summary>
    /// <param name="ml">The context to load into.</param>
    /// <param name="modelName">The Include of the model's MlModel item.</param>
    /// <param name="inputSchema">The columns of the training data, by name and type.</param>
    /// <param name="directory">Where to look; null for <see cref="AppContext.BaseDirectory"/>.</param>
    /// <returns>The model, which transforms rows of <paramref name="inputSchema"/> into predictions.</returns>
    /// <exception cref="FileNotFoundException">The model has not been trained or copied there yet.</exception>
    public static ITransformer Load(MLContext ml, string modelName, out DataViewSchema inputSchema, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var path = PathOf(modelName, directory);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"The model '{modelName}' is not at '{path}'. MlBuild trains it when the project that declares its " +
                $"MlModel item builds: run dotnet build to train it (and reference that project from this application).",
                path);
        return ml.Model.Load(path, out inputSchema);
    }

    /// <summary>Loads the model named <paramref name="modelName"/> into a prediction engine for single rows.</summary>
    /// <typeparam name="TInput">A class with the model's input columns (by name, or by [ColumnName]); no label needed.</typeparam>
    /// <typeparam name="TPrediction">A class with the output columns to read, such as PredictedLabel or Score.</typeparam>
    /// <param name="ml">The context to load into.</param>
    /// <param name="modelName">The Include of the model's MlModel item.</param>
    /// <param name="directory">Where to look; null for <see cref="AppContext.BaseDirectory"/>.</param>
    /// <returns>An engine that is not thread-safe: use one per thread, or a PredictionEnginePool.</returns>
    /// <exception cref="FileNotFoundException">The model has not been trained or copied there yet.</exception>
    public static PredictionEngine<TInput, TPrediction> CreatePredictionEngine<TInput, TPrediction>(MLContext ml,
        string modelName, string? directory = null)
        where TInput : class
        where TPrediction : class, new() =>
        ml.Model.CreatePredictionEngine<TInput, TPrediction>(Load(ml, modelName, directory));
}
