using System.Reflection;
using System.Text.Json;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Pipelines;

/// <summary>
/// Applies params to a trainer's options object by reflection: any public field or settable property of a number,
/// bool, string or enum type, matched ignoring case. Column names are not params (the worker sets them), nor are
/// members of other types (loss functions, boosters), which JSON cannot express.
/// </summary>
internal static class TrainerOptionsBinder
{
    public static IReadOnlyList<string> OptionNames(object? options) =>
        options is null ? [] : Members(options.GetType()).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

    public static void Apply(object? options, string trainerName, ParamsFile parameters)
    {
        if (parameters.Values.Count == 0)
            return;
        var members = options is null
            ? new Dictionary<string, MemberInfo>()
            : Members(options.GetType()).ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters.Values)
        {
            if (!members.TryGetValue(name, out var member))
                throw new MlbException(MlbCodes.UnknownParam, parameters.LocationOf(name), options is null
                    ? $"'{name}' is not an option of {trainerName}, which has none: remove it from the params file."
                    : $"'{name}' is not an option of {trainerName}: use one of {string.Join(", ", OptionNames(options))}.");
            var type = TypeOf(member);
            if (!TryConvert(value, type, out var converted))
                throw new MlbException(MlbCodes.InvalidParamValue, parameters.LocationOf(name),
                    $"param '{name}' is {value.GetRawText()}, but the option {member.Name} of {trainerName} is " +
                    $"{Describe(type)}: fix the value.");
            SetValue(options!, member, converted);
        }
    }

    /// <summary>Options that make training reproducible, set unless the params set them: one thread where a trainer
    /// would otherwise sum in a varying order (L-BFGS, SDCA, trees), the build's seed, and LightGbm's deterministic mode.</summary>
    public static void ApplyDeterminism(object? options, ParamsFile parameters, int seed)
    {
        if (options is null)
            return;
        var members = Members(options.GetType()).ToDictionary(m => m.Name, StringComparer.Ordinal);
        SetUnlessGiven("NumberOfThreads", 1);
        SetUnlessGiven("Seed", seed);
        SetUnlessGiven("Deterministic", true);

        void SetUnlessGiven(string name, object value)
        {
            if (members.TryGetValue(name, out var member) && !parameters.Contains(name))
                SetValue(options, member, value);
        }
    }

    private static IEnumerable<MemberInfo> Members(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Instance)
            .Where(f => !f.IsInitOnly && !f.IsLiteral)
            .Cast<MemberInfo>()
            .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
            .Where(m => IsSettable(TypeOf(m)) && !m.Name.EndsWith("ColumnName", StringComparison.Ordinal));

    private static Type TypeOf(MemberInfo member) =>
        member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;

    private static bool IsSettable(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || t == typeof(string) || t == typeof(bool) || IsInteger(t) || IsReal(t);
    }

    private static bool IsInteger(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) ||
        t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte);

    private static bool IsReal(Type t) => t == typeof(float) || t == typeof(double) || t == typeof(decimal);

    private static bool TryConvert(JsonElement value, Type type, out object? result)
    {
        result = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (value.ValueKind == JsonValueKind.Null)
            return underlying is not null || type == typeof(string);
        var t = underlying ?? type;
        try
        {
            if (t == typeof(bool) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                result = value.GetBoolean();
            else if (t == typeof(string) && value.ValueKind == JsonValueKind.String)
                result = value.GetString();
            else if (t.IsEnum && value.ValueKind == JsonValueKind.String)
                result = Enum.GetNames(t).FirstOrDefault(n => string.Equals(n, value.GetString(), StringComparison.OrdinalIgnoreCase))
                    is { } name ? Enum.Parse(t, name) : null;
            else if (IsInteger(t) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole))
                result = Convert.ChangeType(whole, t, System.Globalization.CultureInfo.InvariantCulture);
            else if (IsReal(t) && value.ValueKind == JsonValueKind.Number)
                result = t == typeof(float) ? (float)value.GetDouble() is var f && float.IsFinite(f) ? f : null
                    : Convert.ChangeType(value.GetDouble(), t, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            result = null;
        }
        return result is not null;
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(t).Select(n => $"\"{n}\""))}"
            : t == typeof(bool) ? "true or false"
            : t == typeof(string) ? "a string"
            : IsInteger(t) ? $"a whole number ({t.Name})"
            : $"a number ({t.Name})";
    }

    private static void SetValue(object target, MemberInfo member, object? value)
    {
        if (member is FieldInfo field)
            field.SetValue(target, value);
        else
            ((PropertyInfo)member).SetValue(target, value);
    }
}
