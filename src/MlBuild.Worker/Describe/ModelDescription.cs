namespace MlBuild.Worker.Describe;

/// <summary>What a saved model takes and gives: the input schema saved in its zip, and the columns the model adds
/// to it (the prediction columns an application reads, and any intermediate ones it leaves visible).</summary>
internal sealed record ModelDescription(IReadOnlyList<DescribedColumn> Input, IReadOnlyList<DescribedColumn> Output);
