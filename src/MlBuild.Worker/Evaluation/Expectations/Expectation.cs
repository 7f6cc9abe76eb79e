using MlBuild.Worker.Data;

namespace MlBuild.Worker.Evaluation.Expectations;

/// <summary>One line of an expectation file: an input row (the values it gives, converted to their columns' types;
/// the other columns are missing) and what the model must answer for it.</summary>
internal sealed record Expectation(string File, int Line, IReadOnlyDictionary<DataColumn, object> Input, Expected Expected);

/// <summary>What a model must answer: a class, or a range for a regression.</summary>
internal abstract record Expected
{
    /// <summary>How a failure reports what was expected.</summary>
    public abstract string Describe();
}

/// <param name="Text">The class as written (a string's value, or a number's or a boolean's JSON text).</param>
/// <param name="Number">The class as a number, when it is one (1 and "1.0" both).</param>
/// <param name="Boolean">The class as true or false, when it is one (true and "True" both).</param>
internal sealed record ExpectedClass(string Text, float? Number, bool? Boolean) : Expected
{
    public override string Describe() => Text;
}

/// <summary>Inclusive bounds; a missing one does not bound.</summary>
internal sealed record ExpectedRange(double? Min, double? Max) : Expected
{
    public bool Contains(double value) => !double.IsNaN(value) && !(value < Min) && !(value > Max);

    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"[{Format(min)}, {Format(max)}]",
        ({ } min, null) => $">= {Format(min)}",
        (null, { } max) => $"<= {Format(max)}",
        _ => "any number",
    };

    private static string Format(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
