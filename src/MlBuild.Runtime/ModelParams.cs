using System.Text.Json;

namespace MlBuild;

/// <summary>
/// The hyperparameters of a model, read from the JSON object named by the item's <c>Params</c> metadata.
/// Changing them changes the model's fingerprint, so the model is retrained.
/// </summary>
public sealed class ModelParams
{
    private readonly IReadOnlyDictionary<string, JsonElement> _values;

    /// <summary>Wraps the params by name; names are compared case-insensitively.</summary>
    /// <param name="values">The raw JSON value of each param.</param>
    public ModelParams(IReadOnlyDictionary<string, JsonElement> values)
    {
        _values = new Dictionary<string, JsonElement>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No params: what a model without a <c>Params</c> file gets.</summary>
    public static ModelParams Empty { get; } = new(new Dictionary<string, JsonElement>());

    /// <summary>The names of the params that are set.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Whether the params set <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">The param name.</param>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/> converted to <typeparamref name="T"/>, or
    /// <paramref name="defaultValue"/> when the params do not set it.</summary>
    /// <typeparam name="T">The type to convert the JSON value to.</typeparam>
    /// <param name="name">The param name (case-insensitive).</param>
    /// <param name="defaultValue">What to return when the param is not set.</param>
    /// <exception cref="FormatException">The value does not convert to <typeparamref name="T"/>.</exception>
    public T Get<T>(string name, T defaultValue)
    {
        if (!_values.TryGetValue(name, out var value))
            return defaultValue;
        try
        {
            return value.Deserialize<T>() ?? defaultValue;
        }
        catch (JsonException e)
        {
            throw new FormatException($"Param '{name}' is {value.GetRawText()}, which is not a {typeof(T).Name}.", e);
        }
    }

    /// <summary>The raw JSON value of each param, by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Values => _values;
}
