namespace MlBuild.Definitions;

// Public in the contracts assembly; the runtime library (lib/, referenced by users' applications) compiles
// ModelTasks.cs alone and keeps it internal.
public static partial class ModelTasks;
