using System.Text.Json;
using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Pipelines;

/// <summary>The item's params file: a JSON object of hyperparameters, with where each one is written so an error
/// about a param points at its line. Comments and trailing commas are allowed, as people edit it by hand.</summary>
internal sealed class ParamsFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, JsonElement> _values;
    private readonly Dictionary<string, Location> _locations;

    private ParamsFile(string? path, Dictionary<string, JsonElement> values, Dictionary<string, Location> locations)
    {
        Path = path;
        _values = values;
        _locations = locations;
    }

    public static ParamsFile Empty { get; } = new(null, new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase));

    public string? Path { get; }

    public IReadOnlyDictionary<string, JsonElement> Values => _values;

    public bool Contains(string name) => _values.ContainsKey(name);

    public Location LocationOf(string name) => _locations.GetValueOrDefault(name, new Location(Path ?? ""));

    public ModelParams ToModelParams() => new(_values);

    public static ParamsFile Read(string? path, Location declaredAt)
    {
        if (string.IsNullOrEmpty(path))
            return Empty;
        if (!File.Exists(path))
            throw new MlbException(MlbCodes.FileNotFound, declaredAt,
                $"the params file '{path}' does not exist: fix the path in Params, or remove Params.");

        ReadOnlyMemory<byte> json = File.ReadAllBytes(path);
        // The JSON reader rejects a byte order mark, which editors on Windows like to write.
        if (json.Span.StartsWith("\uFEFF"u8))
            json = json[3..];

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new MlbException(MlbCodes.InvalidParamsFile,
                new Location(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1),
                $"the params file is not valid JSON ({FirstSentence(e.Message)}): fix it so that it is one JSON " +
                "object such as { \"L2Regularization\": 0.1 }.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new MlbException(MlbCodes.InvalidParamsFile, new Location(path, 1),
                    $"the params file holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, " +
                    "not an object: write the params as one JSON object such as { \"L2Regularization\": 0.1 }.");
            var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
                values[property.Name] = property.Value.Clone();
            return new ParamsFile(path, values, LocateNames(path, json.Span));
        }
    }

    private static Dictionary<string, Location> LocateNames(string path, ReadOnlySpan<byte> json)
    {
        var locations = new Dictionary<string, Location>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                continue;
            var before = json[..(int)reader.TokenStartIndex];
            var line = before.Count((byte)'\n') + 1;
            var column = before.Length - (before.LastIndexOf((byte)'\n') + 1) + 1;
            locations[reader.GetString()!] = new Location(path, line, column);
        }
        return locations;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
