namespace MlBuild.Worker.Describe;

/// <summary>The code of the describe command's one failure; the tasks define the same number
/// (src/MlBuild.Tasks/Diagnostics/ErrorCodes.cs) with the other 7xxx codes of model packages.</summary>
internal static class DescribeCodes
{
    /// <summary>The model file cannot be read as an ML.NET model (damaged, or of an ML.NET the project lacks).</summary>
    public const string ModelUnreadable = "MLB7005";
}
