namespace MlBuild.Worker.Data;

/// <summary>The prepared label of every row of a file: bool[], float[] or string[] by <see cref="Type"/>.</summary>
internal sealed record LabelValues(LabelType Type, Array Values);
