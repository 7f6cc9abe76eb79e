namespace MlBuild.Definitions;

// Public in the contracts assembly; the runtime library (lib/, referenced by users' applications) compiles
// ModelTasks.cs and MetricNames.cs alone and keeps them internal.
public static partial class ModelTasks;

public static partial class MetricNames;
