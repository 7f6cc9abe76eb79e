namespace MlBuild.Core.Evaluation;

/// <summary>A 95% interval: of a metric's value (bootstrap over the test rows), or of a paired change.</summary>
internal sealed record ValueInterval(double Low, double High)
{
    public bool Contains(double value) => value >= Low && value <= High;
}
