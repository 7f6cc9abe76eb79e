namespace MlBuild.Diagnostics;

/// <summary>How a code is reported unless the project says otherwise (a data check's level, MlBuildPackageForce,
/// MlBuildGateFailuresAsWarnings and the like turn some errors into warnings and back).</summary>
public enum MlbSeverity
{
    Error,
    Warning,
}

/// <summary>What <see cref="MlbCodes"/> says of each code: read by the test that holds the registry and the README's
/// "Errors" table together.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class MlbCodeAttribute(MlbSeverity severity, string title) : Attribute
{
    public MlbSeverity Severity { get; } = severity;

    /// <summary>The code's line in the README's "Errors" table, word for word.</summary>
    public string Title { get; } = title;
}
