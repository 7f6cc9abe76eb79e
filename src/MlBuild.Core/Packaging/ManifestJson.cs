using System.Text.Json;
using MlBuild.Core.LockFiles;

namespace MlBuild.Core.Packaging;

/// <summary>mlmodel.json's text: the manifest through the serializer the runtime library reads it with, keys in
/// ordinal order as every file MlBuild writes, so that the same model packs the same bytes.</summary>
internal static class ManifestJson
{
    public static string Serialize(ModelManifest manifest) =>
        StableJson.Serialize(JsonSerializer.SerializeToNode(manifest, ManifestJsonContext.Default.ModelManifest));
}
