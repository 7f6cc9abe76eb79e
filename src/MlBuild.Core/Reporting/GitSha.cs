namespace MlBuild.Core.Reporting;

internal static class GitSha
{
    /// <summary>A full sha (SHA-1 or SHA-256), the only thing put into a link as given.</summary>
    public static bool IsValid(string? text) =>
        text is { Length: 40 or 64 } && text.All(char.IsAsciiHexDigit);
}
