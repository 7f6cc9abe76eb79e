using System.Globalization;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Data;

/// <summary>
/// How the label column becomes what the task's trainers read, decided on the training data:
/// binary classification takes true/false labels as they are, two numbers with the larger one as true (so 0/1
/// gives 1 = true), or exactly two strings with the one sorted last (ordinal) as true ("no"/"yes": yes;
/// "ham"/"spam": spam); multiclass classification keeps numbers as numbers and anything else as text;
/// regression needs numbers. Every row needs a label value.
/// </summary>
internal sealed class LabelPlan
{
    private readonly DataColumn _label;
    private readonly Func<string, object?> _convert;

    // Regression labels are the column's numbers as they are (every row has one, all valid): the parse is shared.
    private bool _asNumbers;

    private LabelPlan(DataColumn label, LabelType type, Func<string, object?> convert, string description,
        IReadOnlyList<string>? classNames = null)
    {
        _label = label;
        Type = type;
        _convert = convert;
        Description = description;
        ClassNames = classNames ?? [];
    }

    public LabelType Type { get; }

    /// <summary>Binary classification: the negative and the positive class as the data writes them ("no", "yes";
    /// "0", "1"; "false", "true"), for reports. Empty for the other tasks (multiclass classes are the model's keys).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>How labels are read, for the build's detail output (which value is the positive class).</summary>
    public string Description { get; }

    public static LabelPlan Create(ModelTask task, DataColumn label, DataFile train)
    {
        ThrowIfAnyEmpty(train, label);
        return task switch
        {
            ModelTask.BinaryClassification => Binary(label, train),
            ModelTask.MulticlassClassification => Multiclass(label, train),
            ModelTask.Regression => Regression(label, train),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
        };
    }

    /// <summary>Converts the label of every row of <paramref name="file"/>; a test file may only hold labels
    /// that the training data has (classification), and no empty ones.</summary>
    public LabelValues Prepare(DataFile file)
    {
        ThrowIfAnyEmpty(file, _label);
        if (_asNumbers)
            return new LabelValues(Type, file.NumbersOf(_label.Index));
        var bag = new DiagnosticBag();
        Array values = Type switch
        {
            LabelType.Boolean => Convert<bool>(file, bag),
            LabelType.Single => Convert<float>(file, bag),
            _ => Convert<string>(file, bag),
        };
        bag.ThrowIfAny();
        return new LabelValues(Type, values);
    }

    // Into a typed array, without Array.SetValue's per-element checks.
    private T[] Convert<T>(DataFile file, DiagnosticBag bag)
    {
        var values = new T[file.Rows.Count];
        for (var i = 0; i < file.Rows.Count && !bag.IsFull; i++)
        {
            var row = file.Rows[i];
            var raw = row.Fields[_label.Index];
            if (_convert(raw) is T value)
                values[i] = value;
            else
                bag.Add(ErrorCodes.UnsuitableLabel, new Location(file.Path, row.Line),
                    $"the label '{raw}' in column '{_label.Name}' is not one of the training data's labels " +
                    $"({Description}): fix the value.");
        }
        return values;
    }

    private static LabelPlan Binary(DataColumn label, DataFile train)
    {
        var raw = train.ValuesOf(label.Index);
        switch (label.Kind)
        {
            case ColumnKind.Boolean:
            {
                var seen = raw.Select(v => Values.TryParseBoolean(v, out var b) && b).Distinct().ToList();
                ThrowUnlessTwo(label, train, seen.Count, seen.Select(b => b ? "true" : "false"));
                return new(label, LabelType.Boolean, v => Values.TryParseBoolean(v, out var b) ? b : null,
                    "true is the positive class", ["false", "true"]);
            }
            case ColumnKind.Numeric:
            {
                var seen = raw.Select(Values.ToNumber).Distinct().Order().ToList();
                ThrowUnlessTwo(label, train, seen.Count, seen.Select(Format));
                var (negative, positive) = (seen[0], seen[1]);
                return new(label, LabelType.Boolean,
                    v => Values.ToNumber(v) is var n && n == positive ? true : n == negative ? false : null,
                    $"{Format(positive)} is the positive class, {Format(negative)} the negative one",
                    [Format(negative), Format(positive)]);
            }
            default:
            {
                var seen = raw.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                ThrowUnlessTwo(label, train, seen.Count, seen.Select(s => $"'{s}'"));
                var (negative, positive) = (seen[0], seen[1]);
                return new(label, LabelType.Boolean,
                    v => v == positive ? true : v == negative ? false : null,
                    $"'{positive}' is the positive class (sorted last), '{negative}' the negative one",
                    [negative, positive]);
            }
        }
    }

    private static LabelPlan Multiclass(DataColumn label, DataFile train)
    {
        var raw = train.ValuesOf(label.Index).ToList();
        var numeric = label.Kind == ColumnKind.Numeric;
        // Classes are compared as the model will see them: 1 and 1.0 are one numeric class.
        var classes = numeric
            ? raw.Select(Values.ToNumber).Distinct().Order().Select(Format).ToList()
            : raw.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
            throw new MlbException(ErrorCodes.UnsuitableLabel, new Location(train.Path),
                $"multiclass classification needs at least two classes, but the label '{label.Name}' has only one " +
                $"value ('{raw[0]}'): add rows of the other classes.");
        var known = classes.ToHashSet(StringComparer.Ordinal);
        var shown = string.Join(", ", classes.Take(10)) + (classes.Count > 10 ? ", …" : "");
        // ML.NET's evaluator silently skips a test row whose class the model never saw: refuse it instead.
        return numeric
            ? new(label, LabelType.Single, v => Values.ToNumber(v) is var n && known.Contains(Format(n)) ? n : null,
                $"{classes.Count} classes: {shown}")
            : new(label, LabelType.Text, v => known.Contains(v) ? v : null, $"{classes.Count} classes: {shown}");
    }

    private static LabelPlan Regression(DataColumn label, DataFile train)
    {
        if (label.Kind != ColumnKind.Numeric)
        {
            var example = train.Rows.First(r => !Values.IsNumber(r.Fields[label.Index]));
            throw new MlbException(ErrorCodes.UnsuitableLabel, new Location(train.Path, example.Line),
                $"regression predicts a number, but the label '{label.Name}' holds {label.Kind.ToString().ToLowerInvariant()} " +
                $"values such as '{example.Fields[label.Index]}': set Task to BinaryClassification or " +
                "MulticlassClassification, or set Label to a numeric column.");
        }
        return new(label, LabelType.Single, v => Values.ToNumber(v), "numbers") { _asNumbers = true };
    }

    private static void ThrowUnlessTwo(DataColumn label, DataFile train, int count, IEnumerable<string> values)
    {
        if (count == 2)
            return;
        var shown = values.Take(10).ToList();
        var list = string.Join(", ", shown) + (count > shown.Count ? ", …" : "");
        throw new MlbException(ErrorCodes.UnsuitableLabel, new Location(train.Path),
            count < 2
                ? $"binary classification needs two label values, but the label '{label.Name}' has only {list}: " +
                  "add rows of the other class."
                : $"binary classification needs exactly two label values, but the label '{label.Name}' has {count}: " +
                  $"{list}. Set Task to MulticlassClassification, or set Label to a column with two values.");
    }

    private static void ThrowIfAnyEmpty(DataFile file, DataColumn label)
    {
        var bag = new DiagnosticBag();
        foreach (var row in file.Rows.Where(r => Values.IsMissing(r.Fields[label.Index])))
        {
            bag.Add(ErrorCodes.UnsuitableLabel, new Location(file.Path, row.Line),
                $"the label '{label.Name}' is empty on this line: every row needs a label; fill it in or remove the row.");
            if (bag.IsFull)
                break;
        }
        bag.ThrowIfAny();
    }

    /// <summary>A number as the reports write it: invariant culture, shortest round-trip form ("1", "0.5").</summary>
    public static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);
}
