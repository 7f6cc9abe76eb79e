namespace MlBuild.Definitions;

/// <summary>The name of a model's data profile, <c>&lt;Name&gt;.profile.json</c>, beside <c>&lt;Name&gt;.zip</c>: the build
/// writes it, and the drift check and the model package find it by this name.</summary>
public static class ProfileFileName
{
    public const string Suffix = ".profile.json";

    public static string Of(string model) => model + Suffix;
}
