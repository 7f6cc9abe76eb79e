using System.Text.Json.Serialization;

namespace MlBuild.Definitions;

/// <summary>What a failed data check does: nothing, a warning (training goes on), or an error (nothing is trained).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckLevel>))]
public enum CheckLevel
{
    Off,
    Warning,
    Error,
}
