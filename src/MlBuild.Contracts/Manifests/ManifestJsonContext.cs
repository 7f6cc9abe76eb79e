using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlBuild;

/// <summary>mlmodel.json's serializer, generated at compile time: MlBuild writes the manifest with it (the core, inside
/// MSBuild) and an application reads it with it (this library), so that both agree on every name by construction.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
