using System.Globalization;
using System.Text.RegularExpressions;
using MlBuild.Core.Diagnostics;

namespace MlBuild.Core.Declarations;

/// <summary>
/// Turns MlModel items into <see cref="ModelDeclaration"/>s, reporting every problem the build can see without
/// reading the data (the worker checks the data itself). A model with any error is left out, so nothing is
/// trained or written for it.
/// </summary>
internal static partial class ModelDeclarationReader
{
    public const double DefaultTestFraction = 0.2;
    public const int DefaultSeed = 42;

    public static readonly IReadOnlyList<string> KnownTasks =
        ["BinaryClassification", "MulticlassClassification", "Regression"];

    public sealed record Problem(string Code, SourceLocation Location, string Message);

    public static IReadOnlyList<ModelDeclaration> Read(IEnumerable<DeclaredItem> items, string projectFile,
        string projectDirectory, List<Problem> problems)
    {
        var declarations = new List<ModelDeclaration>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var elements = ItemLocator.ReadAll(projectFile, "MlModel");
        foreach (var item in items)
        {
            var name = item.ItemSpec;
            var element = elements.First(name);
            var location = element.Location;
            if (!ValidName().IsMatch(name))
            {
                problems.Add(new(MlbCodes.InvalidModelName, location,
                    $"'{name}' is not a valid model name: use only letters, digits, '.', '_' and '-' (it names the model file, <Name>.zip)."));
                continue;
            }
            if (!seen.Add(name))
            {
                problems.Add(new(MlbCodes.DuplicateModelName, location,
                    $"{name}: two MlModel items have this name (names are compared ignoring case, as file names may be). Rename or remove one."));
                continue;
            }
            var countBefore = problems.Count;
            var declaration = ReadOne(item, name, element, projectDirectory, problems);
            if (problems.Count == countBefore && declaration is not null)
                declarations.Add(declaration);
        }
        return declarations;
    }

    private static ModelDeclaration? ReadOne(DeclaredItem item, string name, ItemElement element, string projectDirectory,
        List<Problem> problems)
    {
        var at = element.Location;
        string? Meta(string key) => item.GetMetadata(key) is { Length: > 0 } value ? value.Trim() : null;
        void Fail(string code, string message) => problems.Add(new(code, at, $"{name}: {message}"));

        string? FileMeta(string key)
        {
            var value = Meta(key);
            if (value is null)
                return null;
            var full = Path.GetFullPath(Path.Combine(projectDirectory, value));
            if (!File.Exists(full))
                Fail(MlbCodes.FileNotFound, $"the {key} file '{value}' does not exist (looked for {full}). Fix the path, relative to the project folder.");
            return full;
        }

        var task = Meta("Task");
        var knownTask = KnownTasks.FirstOrDefault(t => string.Equals(t, task, StringComparison.OrdinalIgnoreCase));
        if (knownTask is null)
            Fail(MlbCodes.UnknownTask, task is null
                ? $"set Task to one of {string.Join(", ", KnownTasks)}."
                : $"unknown Task '{task}'; use one of {string.Join(", ", KnownTasks)}.");

        string? trainData = null;
        if (Meta("TrainData") is null)
            Fail(MlbCodes.MissingTrainData, "set TrainData to the path of the training data file (CSV or TSV).");
        else
            trainData = FileMeta("TrainData");
        var testData = FileMeta("TestData");
        var paramsFile = FileMeta("Params");
        foreach (var dataFile in new[] { trainData, testData })
        {
            if (dataFile is not null && File.Exists(dataFile) && new FileInfo(dataFile).Length == 0)
                problems.Add(new(MlbCodes.EmptyDataFile, new SourceLocation(dataFile),
                    $"{name}: the data file is empty. Put the data rows (and a header line) in it, or point the model at another file."));
        }

        var testFraction = ParseNumber(Meta("TestFraction"), DefaultTestFraction, v => v is > 0 and < 1,
            "TestFraction", "a number between 0 and 1 (exclusive), e.g. 0.2", Fail);
        var seed = (int)ParseNumber(Meta("Seed"), DefaultSeed, v => v == Math.Floor(v) && v is >= int.MinValue and <= int.MaxValue,
            "Seed", "a whole number", Fail);

        bool? hasHeader = null;
        if (Meta("HasHeader") is { } headerText)
        {
            if (bool.TryParse(headerText, out var parsed))
                hasHeader = parsed;
            else
                Fail(MlbCodes.InvalidMetadataValue, $"HasHeader is '{headerText}'; use true or false, or leave it out to infer it.");
        }

        var exportOnnx = false;
        if (Meta("ExportOnnx") is { } exportText && !bool.TryParse(exportText, out exportOnnx))
            Fail(MlbCodes.InvalidMetadataValue, $"ExportOnnx is '{exportText}'; use true (also write <Name>.onnx) or false.");

        var separator = Meta("Separator");
        if (separator is not null)
        {
            separator = separator.ToLowerInvariant() switch { "tab" or "\\t" => "\t", "comma" => ",", "semicolon" => ";", _ => separator };
            if (separator.Length != 1)
                Fail(MlbCodes.InvalidMetadataValue, $"Separator is '{separator}'; use a single character (or 'tab'), or leave it out to infer it.");
        }

        var pipeline = Meta("Pipeline");
        var trainer = Meta("Trainer");
        if (pipeline is not null && trainer is not null)
            Fail(MlbCodes.TrainerWithPipeline, $"set either Trainer (declarative) or Pipeline (code), not both: the class {pipeline} chooses its own trainer.");

        // MSBuild reads a Label attribute as the element's label, never as metadata: the label column would
        // silently fall back to the default. LabelColumn (or a <Label> child element) is what reaches the task.
        var label = Meta("LabelColumn") ?? Meta("Label");
        if (label is null && element.Attributes.TryGetValue("Label", out var labelAttribute))
            Fail(MlbCodes.LabelAttribute, $"Label=\"{labelAttribute}\" is read by MSBuild as the element's label, not as metadata. Write LabelColumn=\"{labelAttribute}\" instead.");

        var (dataChecks, drift) = DataCheckMetadata.Read(Meta, Fail);

        if (knownTask is null || trainData is null)
            return null;
        return new ModelDeclaration
        {
            Name = name,
            Location = at,
            Task = knownTask,
            TrainData = trainData,
            TestData = testData,
            TestFraction = testFraction,
            Label = label,
            Features = SplitList(Meta("Features")),
            Columns = SplitList(Meta("Columns")),
            Trainer = trainer,
            Separator = separator,
            HasHeader = hasHeader,
            Seed = seed,
            ParamsFile = paramsFile,
            Pipeline = pipeline,
            DataChecks = dataChecks,
            Drift = drift,
            ExportOnnx = exportOnnx,
        };
    }

    private static double ParseNumber(string? text, double defaultValue, Func<double, bool> isValid, string key,
        string expected, Action<string, string> fail)
    {
        if (text is null)
            return defaultValue;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && isValid(value))
            return value;
        fail(MlbCodes.InvalidMetadataValue, $"{key} is '{text}'; use {expected}.");
        return defaultValue;
    }

    // Columns and features are listed with ';' (MSBuild's own list separator) or ','.
    private static IReadOnlyList<string> SplitList(string? text) =>
        text is null ? [] : text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ValidName();
}
