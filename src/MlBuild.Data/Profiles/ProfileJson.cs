using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Profiles;

/// <summary>Writes and reads <c>&lt;Name&gt;.profile.json</c>: the same bytes for the same data on every machine (the
/// lock file records its hash, and the model cache keeps it with the model).</summary>
public static class ProfileJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Column names and values stay readable ("a+b", "é"), as they are in the data.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static string Serialize(DataProfile profile) => JsonSerializer.Serialize(profile, Options) + "\n";

    public static DataProfile Deserialize(string json) =>
        JsonSerializer.Deserialize<DataProfile>(json, Options) ?? throw new JsonException("The profile is null.");

    /// <summary>Reads a profile file; a missing or unreadable one is <see cref="MlbCodes.DriftUnavailable"/>.</summary>
    public static DataProfile Read(string path, Location declaredAt)
    {
        if (!File.Exists(path))
            throw new MlbException(MlbCodes.DriftUnavailable, declaredAt,
                $"there is no data profile '{path}': profiles are written beside the model when it is trained; build " +
                "the project (dotnet build) first, or give the path of a <Name>.profile.json.");
        try
        {
            var profile = Deserialize(File.ReadAllText(path));
            if (profile.Version > DataProfile.CurrentVersion)
                throw new JsonException($"version {profile.Version} is newer than this MlBuild reads ({DataProfile.CurrentVersion})");
            return profile;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new MlbException(MlbCodes.DriftUnavailable, new Location(path),
                $"the data profile cannot be read ({e.Message}): build the project again to write it anew.");
        }
    }
}
