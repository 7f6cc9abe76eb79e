using MlBuild.Protocol;

namespace MlBuild.Worker.Evaluation.Plots;

/// <summary>Bounds a curve's points: a test set of a million rows has up to a million distinct thresholds, and a plot
/// needs a few hundred. Points are kept at evenly spaced positions along the curve's length (the sum of its steps),
/// so that steep parts keep as many points as flat ones; the first and last points always stay.</summary>
internal static class CurveThinning
{
    public static IReadOnlyList<CurvePoint> Thin(IReadOnlyList<CurvePoint> curve, int maxPoints)
    {
        if (curve.Count <= maxPoints)
            return curve;
        var length = new double[curve.Count];
        for (var i = 1; i < curve.Count; i++)
            length[i] = length[i - 1] + Math.Abs(curve[i].X - curve[i - 1].X) + Math.Abs(curve[i].Y - curve[i - 1].Y);
        // A curve of one repeated point (the precision-recall curve of a test set without positives) has no length to
        // space points along (and a step of 0 would never pass the next point).
        if (!(length[^1] > 0))
            return [curve[0], curve[^1]];
        var kept = new List<CurvePoint> { curve[0] };
        var step = length[^1] / (maxPoints - 1);
        var next = step;
        for (var i = 1; i < curve.Count - 1 && kept.Count < maxPoints - 1; i++)
        {
            if (length[i] < next)
                continue;
            kept.Add(curve[i]);
            while (next <= length[i])
                next += step;
        }
        kept.Add(curve[^1]);
        return kept;
    }
}
