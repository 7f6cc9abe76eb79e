namespace MlBuild;

/// <summary>The files of a packaged model in the output folder do not belong together: the model beside the
/// manifest is another model (its hash differs), or the manifest is another model's.</summary>
public class ModelPackageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What does not match, and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ModelPackageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>A model's input schema differs from the one its manifest records, or an application's input class
/// does not fit it. <see cref="Differences"/> names each differing column.</summary>
public sealed class ModelSchemaMismatchException : ModelPackageException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="summary">What was compared with what.</param>
    /// <param name="differences">One line per differing column.</param>
    /// <param name="innerException">ML.NET's own exception, if any.</param>
    public ModelSchemaMismatchException(string summary, IReadOnlyList<string> differences, Exception? innerException = null)
        : base($"{summary}: {string.Join("; ", differences)}.", innerException)
    {
        Differences = differences;
    }

    /// <summary>One line per differing column, naming it.</summary>
    public IReadOnlyList<string> Differences { get; }
}
