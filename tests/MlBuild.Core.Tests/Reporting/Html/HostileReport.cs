using System.Text.Json.Nodes;
using MlBuild.Core.Reporting;

namespace MlBuild.Core.Tests.Reporting.Html;

/// <summary>
/// One report whose every name from the project or its data tries to break out of HTML text, an attribute, the JSON
/// block's script element, or a markdown table cell: the project, the models, the class labels, the slice columns and
/// their values, the features, the params. The reports of both formats are rendered from it.
/// </summary>
internal static class HostileReport
{
    public const string Script = "<script>alert(1)</script>";
    public const string Bold = "**x**";
    public const string Pipe = "a|b";
    public const string Backticks = "`tick`";
    public const string DoubleQuoted = "\"quoted\"";
    public const string SingleQuoted = "'single'";
    public const string EndScript = "</script>";
    public const string Entity = "&amp;";

    public static readonly IReadOnlyList<string> Names = [Script, Bold, Pipe, Backticks, DoubleQuoted, SingleQuoted, EndScript, Entity];

    public const string Project = Script + "/App.csproj";
    public const string MulticlassModel = "Iris " + Script + " " + DoubleQuoted;
    public const string BinaryModel = Bold + " " + SingleQuoted + " " + Entity;
    public const string RegressionModel = Pipe + " " + Backticks + " " + EndScript;
    public const string MulticlassSliceColumn = Bold + " " + SingleQuoted;
    public const string RegressionSliceColumn = Pipe + " " + EndScript + " " + DoubleQuoted;

    /// <summary>The binary model's two classes.</summary>
    public static readonly IReadOnlyList<string> BinaryClasses = [EndScript, DoubleQuoted];

    public static EvaluationReport Create()
    {
        var @params = new JsonObject(Names.Select(n => KeyValuePair.Create(n, (JsonNode?)JsonValue.Create(n))));
        var multiclassSlice = new MlBuild.Protocol.SliceResult
        {
            Column = MulticlassSliceColumn,
            Worst = Script,
            Values = Names.Select((n, i) => new MlBuild.Protocol.SliceValue
            {
                Value = n,
                Rows = 20 + i,
                Metrics = MlBuild.TestSupport.EvaluationFixtures.Estimates(("MacroAccuracy", n == Script ? 0.5 : 0.9, 0.4, 1)),
                BaselineMetrics = MlBuild.TestSupport.EvaluationFixtures.Estimates(("MacroAccuracy", 0.8, 0.7, 0.9)),
            }).ToList(),
        };
        var models = new[]
        {
            HtmlFixtures.Multiclass(MulticlassModel, classes: Names, features: HtmlFixtures.Features([.. Names]), @params: @params,
                slice: multiclassSlice),
            HtmlFixtures.Binary(BinaryModel, classes: BinaryClasses, @params: (JsonObject)@params.DeepClone()),
            HtmlFixtures.Regression(RegressionModel, column: RegressionSliceColumn, values: Names,
                features: HtmlFixtures.Features([.. Names.Reverse()]), @params: (JsonObject)@params.DeepClone()),
        };
        return HtmlFixtures.Report(models, gates:
        [
            HtmlFixtures.GateOn(MulticlassModel, "MacroAccuracy", min: 0.99),
            HtmlFixtures.GateOn(RegressionModel, "RootMeanSquaredError", max: 7, slice: RegressionSliceColumn),
        ], project: Project);
    }
}
