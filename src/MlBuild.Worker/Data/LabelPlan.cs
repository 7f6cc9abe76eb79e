using System.Globalization;
using MlBuild.Data.Reading;
using MlBuild.Data.Scanning;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Data;

/// <summary>
/// How the label column becomes what the task's trainers read, decided on the training data's classes (counted in the
/// full pass, <see cref="LabelScan"/>): binary classification takes true/false labels as they are, two numbers with the
/// larger one as true (so 0/1 gives 1 = true), or exactly two strings with the one sorted last (ordinal) as true
/// ("no"/"yes": yes; "ham"/"spam": spam); multiclass classification keeps numbers as numbers and anything else as
/// text; regression needs numbers. A test file may only hold labels the training data has (classification).
/// </summary>
internal sealed class LabelPlan
{
    private readonly DataColumn _label;
    private readonly float _positive;
    private readonly float _negative;
    private readonly string? _positiveText;
    private readonly string? _negativeText;
    private readonly HashSet<float>? _numbers;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _texts;

    private LabelPlan(DataColumn label, LabelType type, string description, IReadOnlyList<string> classNames,
        float positive = 0, float negative = 0, string? positiveText = null, string? negativeText = null,
        HashSet<float>? numbers = null, HashSet<string>? texts = null)
    {
        _label = label;
        Type = type;
        Description = description;
        ClassNames = classNames;
        _positive = positive;
        _negative = negative;
        _positiveText = positiveText;
        _negativeText = negativeText;
        _numbers = numbers;
        _texts = texts?.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public LabelType Type { get; }

    /// <summary>Binary classification: the negative and the positive class as the data writes them ("no", "yes";
    /// "0", "1"; "false", "true"), for reports. Empty for the other tasks (multiclass classes are the model's keys).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>How labels are read, for the build's detail output (which value is the positive class).</summary>
    public string Description { get; }

    /// <summary>Multiclass: the classes, sorted (numbers as numbers), as the data writes them.</summary>
    public IReadOnlyList<string> Classes { get; private init; } = [];

    public string Name => _label.Name;

    public int Index => _label.Index;

    /// <param name="label">The label column with its final kind.</param>
    /// <param name="classes">The training file's classes (classification).</param>
    /// <param name="sample">The training file's sample: where an unsuitable label is shown from.</param>
    public static LabelPlan Create(ModelTask task, DataColumn label, LabelScan? classes, DataSource sample)
    {
        if (classes is { Overflowed: true } && task != ModelTask.Regression)
            throw new MlbException(MlbCodes.UnsuitableLabel, new Location(sample.Path),
                $"the label '{label.Name}' has more than {LabelScan.MaxClasses:N0} distinct values, too many for " +
                "classification: set Task to Regression, or set Label to the column to predict.");
        return task switch
        {
            ModelTask.BinaryClassification => Binary(label, classes!, sample.Path),
            ModelTask.MulticlassClassification => Multiclass(label, classes!, sample.Path),
            ModelTask.Regression => Regression(label, sample),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
        };
    }

    /// <summary>A plan for labels already known (Evaluate: the classes the lock file recorded at training).</summary>
    public static LabelPlan FromRecorded(ModelTask task, DataColumn label, IReadOnlyList<string> classes, string path)
    {
        if (task == ModelTask.Regression)
            return Regression(label, null);
        var scan = LabelScan.FromClasses(label.Kind == ColumnKind.Numeric, classes);
        return task == ModelTask.BinaryClassification ? Binary(label, scan, path) : Multiclass(label, scan, path);
    }

    /// <summary>The record's label as a boolean (binary classification); false when it is not a known class.</summary>
    public bool TryBoolean(RecordCursor record, out bool value)
    {
        switch (_label.Kind)
        {
            case ColumnKind.Boolean:
                return record.TryGetBoolean(_label.Index, out value);
            case ColumnKind.Numeric:
                record.TryGetNumber(_label.Index, out _, out var number);
                value = number == _positive;
                return value || number == _negative;
            default:
                var text = record.Text(_label.Index);
                value = text.SequenceEqual(_positiveText);
                return value || text.SequenceEqual(_negativeText);
        }
    }

    /// <summary>The record's label as a number (regression, numeric multiclass); false when it is not a known class.</summary>
    public bool TrySingle(RecordCursor record, out float value)
    {
        if (!record.TryGetNumber(_label.Index, out _, out value))
            return false;
        return _numbers is null || _numbers.Contains(value);
    }

    /// <summary>The record's label as text (multiclass over strings); false when it is not a known class.</summary>
    public bool TryText(RecordCursor record, out ReadOnlyMemory<char> value)
    {
        value = record.TextMemory(_label.Index);
        return _texts is not { } known || known.Contains(value.Span);
    }

    /// <summary>The finding for a record whose label the training data does not have (MLB2005), or null.</summary>
    public Diagnostic? Check(RecordCursor record)
    {
        var known = Type switch
        {
            LabelType.Boolean => TryBoolean(record, out _),
            LabelType.Single => TrySingle(record, out _),
            _ => TryText(record, out _),
        };
        return known ? null : new Diagnostic(MlbCodes.UnsuitableLabel, new Location(record.Path, record.Line),
            $"the label '{record.Text(_label.Index)}' in column '{_label.Name}' is not one of the training data's labels " +
            $"({Description}): fix the value.");
    }

    private static LabelPlan Binary(DataColumn label, LabelScan scan, string path)
    {
        switch (label.Kind)
        {
            case ColumnKind.Boolean:
                {
                    var seen = scan.ClassCounts(ColumnKind.Boolean).Keys.Order(StringComparer.Ordinal).ToList();
                    ThrowUnlessTwo(label, path, seen.Count, seen);
                    return new(label, LabelType.Boolean, "true is the positive class", ["false", "true"]);
                }
            case ColumnKind.Numeric:
                {
                    var seen = scan.Numbers;
                    ThrowUnlessTwo(label, path, seen.Count, seen.Select(Format));
                    var (negative, positive) = (seen[0], seen[1]);
                    return new(label, LabelType.Boolean,
                        $"{Format(positive)} is the positive class, {Format(negative)} the negative one",
                        [Format(negative), Format(positive)], positive, negative);
                }
            default:
                {
                    var seen = scan.Texts;
                    ThrowUnlessTwo(label, path, seen.Count, seen.Select(s => $"'{s}'"));
                    var (negative, positive) = (seen[0], seen[1]);
                    return new(label, LabelType.Boolean,
                        $"'{positive}' is the positive class (sorted last), '{negative}' the negative one",
                        [negative, positive], positiveText: positive, negativeText: negative);
                }
        }
    }

    private static LabelPlan Multiclass(DataColumn label, LabelScan scan, string path)
    {
        var numeric = label.Kind == ColumnKind.Numeric;
        // Classes are compared as the model will see them: 1 and 1.0 are one numeric class.
        var classes = numeric ? scan.Numbers.Select(Format).ToList() : scan.Texts.ToList();
        if (classes.Count < 2)
            throw new MlbException(MlbCodes.UnsuitableLabel, new Location(path),
                $"multiclass classification needs at least two classes, but the label '{label.Name}' has only one " +
                $"value ('{classes.FirstOrDefault()}'): add rows of the other classes.");
        var shown = string.Join(", ", classes.Take(10)) + (classes.Count > 10 ? ", …" : "");
        // ML.NET's evaluator silently skips a test row whose class the model never saw: refuse it instead.
        return numeric
            ? new(label, LabelType.Single, $"{classes.Count} classes: {shown}", [], numbers: scan.Numbers.ToHashSet()) { Classes = classes }
            : new(label, LabelType.Text, $"{classes.Count} classes: {shown}", [],
                texts: classes.ToHashSet(StringComparer.Ordinal))
            { Classes = classes };
    }

    private static LabelPlan Regression(DataColumn label, DataSource? sample)
    {
        if (label.Kind != ColumnKind.Numeric && sample is not null)
        {
            var example = sample.Sample.First(r => !Values.IsMissing(r.Fields[label.Index]) && !Values.IsNumber(r.Fields[label.Index]));
            throw new MlbException(MlbCodes.UnsuitableLabel, new Location(sample.Path, example.Line),
                $"regression predicts a number, but the label '{label.Name}' holds {label.Kind.ToString().ToLowerInvariant()} " +
                $"values such as '{example.Fields[label.Index]}': set Task to BinaryClassification or " +
                "MulticlassClassification, or set Label to a numeric column.");
        }
        return new(label, LabelType.Single, "numbers", []);
    }

    private static void ThrowUnlessTwo(DataColumn label, string path, int count, IEnumerable<string> values)
    {
        if (count == 2)
            return;
        var shown = values.Take(10).ToList();
        var list = string.Join(", ", shown) + (count > shown.Count ? ", …" : "");
        throw new MlbException(MlbCodes.UnsuitableLabel, new Location(path),
            count < 2
                ? $"binary classification needs two label values, but the label '{label.Name}' has only {list}: " +
                  "add rows of the other class."
                : $"binary classification needs exactly two label values, but the label '{label.Name}' has {count}: " +
                  $"{list}. Set Task to MulticlassClassification, or set Label to a column with two values.");
    }

    /// <summary>A number as the reports write it: invariant culture, shortest round-trip form ("1", "0.5").</summary>
    public static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);
}
