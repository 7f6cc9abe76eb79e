using MlBuild.Protocol;
using MlBuild.Worker.Evaluation.Metrics;

namespace MlBuild.Worker.Evaluation.Plots;

/// <summary>The plot data of one model's predictions, by task. A multiclass model's plots are its confusion matrix
/// and per-class metrics, which the result carries already.</summary>
internal static class PlotBuilder
{
    /// <param name="classes">The classes in the model's order (binary: negative, positive); null for a regression.</param>
    /// <param name="residualEdges">The residual bins of the model compared with (the candidate's), or null.</param>
    public static ModelPlots Build(IPredictions predictions, IReadOnlyList<string>? classes,
        IReadOnlyList<(string Column, IReadOnlyList<string> Values, int MaxValues)> slices, IReadOnlyList<double>? residualEdges) =>
        predictions switch
        {
            BinaryPredictions binary => new ModelPlots { Binary = BinaryPlotBuilder.Build(binary, classes ?? ["false", "true"]) },
            RegressionPredictions regression => new ModelPlots { Regression = RegressionPlotBuilder.Build(regression, residualEdges, slices) },
            _ => new ModelPlots(),
        };
}
