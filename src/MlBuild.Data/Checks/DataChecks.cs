using MlBuild.Definitions;
using MlBuild.Data.Diagnostics;

namespace MlBuild.Data.Checks;

/// <summary>
/// The checks that run on the data before a model is trained (the missing-label check runs earlier, while the data is
/// read, since it decides which rows there are). Each finding is a warning or an error by its check's level; the
/// worker reports them all, then trains only if none is an error.
/// </summary>
public static class DataChecks
{
    public static IReadOnlyList<Diagnostic> Run(CheckInput input, DataCheckSettings settings) =>
    [
        .. SchemaCheck.Run(input, settings.SchemaChanges),
        .. RowCountCheck.Run(input, settings),
        .. ClassShareCheck.Run(input, settings),
        .. ConstantColumnCheck.Run(input, settings.ConstantColumns),
        .. LeakageCheck.Run(input, settings.Leakage),
        .. TrainTestShiftCheck.Run(input, settings),
    ];
}
