using System.Security.Cryptography;
using Microsoft.ML;

namespace MlBuild;

/// <summary>
/// A model installed from a model package (made by MlBuild's <c>PackageModel</c> target): the model
/// (<c>&lt;Name&gt;.zip</c>) and its manifest (<c>&lt;Name&gt;.mlmodel.json</c>), which the package copies to the
/// application's output folder. Loading checks that the two belong together (the model's hash, and its input schema
/// against the manifest's), so a model is never used under another model's description.
/// </summary>
/// <example>
/// <code>
/// var ml = new MLContext();
/// var iris = MlModelPackage.Load(ml, "Iris");
/// Console.WriteLine($"{iris.Manifest.Name} {iris.Manifest.Version}: {iris.Manifest.PrimaryMetric}");
/// var engine = iris.CreatePredictionEngine&lt;Flower, Prediction&gt;();
/// </code>
/// </example>
public sealed class MlModelPackage
{
    private readonly MLContext _ml;

    private MlModelPackage(MLContext ml, string name, string modelPath, ModelManifest manifest, ITransformer model,
        DataViewSchema inputSchema)
    {
        _ml = ml;
        Name = name;
        ModelPath = modelPath;
        Manifest = manifest;
        Model = model;
        InputSchema = inputSchema;
    }

    /// <summary>The model's name (the Include of its MlModel item).</summary>
    public string Name { get; }

    /// <summary>The model file that was loaded.</summary>
    public string ModelPath { get; }

    /// <summary>The manifest: version, schemas, metrics, evaluation and lineage.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The model.</summary>
    public ITransformer Model { get; }

    /// <summary>The columns the model takes, as saved in it (and checked against the manifest).</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The path of the manifest of the model named <paramref name="modelName"/>.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="directory">Where to look; null for <see cref="AppContext.BaseDirectory"/>.</param>
    public static string ManifestPathOf(string modelName, string? directory = null) =>
        Path.Combine(Path.GetDirectoryName(MlModelFile.PathOf(modelName, directory))!, ModelManifest.FileNameOf(modelName));

    /// <summary>Reads the manifest of the model named <paramref name="modelName"/> without loading the model.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="directory">Where to look; null for <see cref="AppContext.BaseDirectory"/>.</param>
    /// <exception cref="FileNotFoundException">There is no manifest: the package is not referenced, or not built yet.</exception>
    /// <exception cref="InvalidDataException">The manifest cannot be read.</exception>
    /// <exception cref="ModelPackageException">The manifest is another model's.</exception>
    public static ModelManifest ReadManifest(string modelName, string? directory = null)
    {
        var path = ManifestPathOf(modelName, directory);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"The manifest of the model '{modelName}' is not at '{path}'. Reference the model's package (its id ends " +
                $"with .Models.{modelName} by default) and build: the package copies {modelName}.zip and " +
                $"{ModelManifest.FileNameOf(modelName)} to the output folder. For a model this project trains itself, use MlModelFile.Load.",
                path);
        var manifest = ModelManifest.Parse(File.ReadAllText(path));
        if (!string.Equals(manifest.Name, modelName, StringComparison.Ordinal))
            throw new ModelPackageException($"'{path}' is the manifest of the model '{manifest.Name}', not of '{modelName}'.");
        return manifest;
    }

    /// <summary>Loads the packaged model named <paramref name="modelName"/> from the application's folder and checks it
    /// against its manifest.</summary>
    /// <param name="ml">The context to load into (and to create prediction engines with).</param>
    /// <param name="modelName">The model's name: the Include of its MlModel item.</param>
    /// <param name="directory">Where to look; null for <see cref="AppContext.BaseDirectory"/>.</param>
    /// <returns>The model with its manifest.</returns>
    /// <exception cref="FileNotFoundException">The model or its manifest is not there.</exception>
    /// <exception cref="InvalidDataException">The manifest cannot be read.</exception>
    /// <exception cref="ModelPackageException">The model file is not the one the manifest describes.</exception>
    /// <exception cref="ModelSchemaMismatchException">The model's input schema differs from the manifest's.</exception>
    public static MlModelPackage Load(MLContext ml, string modelName, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var manifest = ReadManifest(modelName, directory);
        var modelPath = MlModelFile.PathOf(modelName, directory);
        if (!File.Exists(modelPath))
            throw new FileNotFoundException(
                $"The model '{modelName}' is not at '{modelPath}', though its manifest is. Build the application again so that the package copies it.",
                modelPath);
        CheckHash(modelName, modelPath, manifest);
        var model = ml.Model.Load(modelPath, out var inputSchema);
        var differences = SchemaComparer.CompareModel(inputSchema, manifest.InputSchema);
        if (differences.Count > 0)
            throw new ModelSchemaMismatchException(
                $"The input schema of the model '{modelName}' ({modelPath}) differs from its manifest's", differences);
        return new MlModelPackage(ml, modelName, modelPath, manifest, model, inputSchema);
    }

    /// <summary>A prediction engine for single rows, after checking <typeparamref name="TInput"/> against the model's
    /// input schema: a member of the wrong type, or a missing feature column, is named in the exception.</summary>
    /// <typeparam name="TInput">A class with the model's feature columns (by name, or by [ColumnName]); no label needed.</typeparam>
    /// <typeparam name="TPrediction">A class with the output columns to read, such as PredictedLabel or Score.</typeparam>
    /// <returns>An engine that is not thread-safe: use one per thread, or a PredictionEnginePool.</returns>
    /// <exception cref="ModelSchemaMismatchException"><typeparamref name="TInput"/> does not fit the model.</exception>
    public PredictionEngine<TInput, TPrediction> CreatePredictionEngine<TInput, TPrediction>()
        where TInput : class
        where TPrediction : class, new()
    {
        var (wrongTypes, missing) = SchemaComparer.CompareInput(typeof(TInput), Manifest.InputSchema);
        var summary = $"{typeof(TInput).Name} does not fit the input schema of the model '{Name}'";
        if (wrongTypes.Count > 0)
            throw new ModelSchemaMismatchException(summary, [.. wrongTypes, .. missing]);
        try
        {
            return _ml.Model.CreatePredictionEngine<TInput, TPrediction>(Model);
        }
        catch (Exception e) when (missing.Count > 0 && e is ArgumentException or InvalidOperationException)
        {
            throw new ModelSchemaMismatchException(summary, missing, e);
        }
    }

    private static void CheckHash(string modelName, string modelPath, ModelManifest manifest)
    {
        if (string.IsNullOrEmpty(manifest.Model.Sha256))
            return;
        string actual;
        using (var stream = File.OpenRead(modelPath))
            actual = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        if (!string.Equals(actual, manifest.Model.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelPackageException(
                $"'{modelPath}' is not the model its manifest describes ({manifest.PackageId} {manifest.Version}): its SHA-256 is " +
                $"{actual}, the manifest's {manifest.Model.Sha256}. Another model of the same name was copied over it: a " +
                "project that trains a model of this name, or two packages with one. Rename one of the models.");
    }
}
