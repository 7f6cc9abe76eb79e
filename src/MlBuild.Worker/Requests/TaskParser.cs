using MlBuild.Worker.Diagnostics;

namespace MlBuild.Worker.Requests;

/// <summary>Reads the item's Task by name, ignoring case (numbers are not names, even though Enum.Parse takes them).</summary>
internal static class TaskParser
{
    public static ModelTask Parse(string? task, Location declaredAt)
    {
        var match = Enum.GetNames<ModelTask>()
            .FirstOrDefault(n => string.Equals(n, task?.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? Enum.Parse<ModelTask>(match)
            : throw new MlbException(MlbCodes.UnknownTask, declaredAt,
                $"Task '{task}' is not a task MlBuild trains: use one of {string.Join(", ", Enum.GetNames<ModelTask>())}.");
    }
}
