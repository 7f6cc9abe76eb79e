using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlBuild;

/// <summary>A time as the manifest writes it, UTC to the second (<c>2025-11-24T21:30:00Z</c>), so that a package built
/// from the same commit with the same SOURCE_DATE_EPOCH has the same bytes; any ISO 8601 time is read.</summary>
internal sealed class UtcSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>The time as the manifest writes it.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
