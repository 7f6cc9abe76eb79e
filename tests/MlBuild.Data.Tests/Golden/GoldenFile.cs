using MlBuild.Definitions;
using System.Globalization;
using System.Text.Json.Nodes;
using MlBuild.Data.Checks;
using MlBuild.Data.Profiles;
using MlBuild.Data.Tests.Legacy;
using MlBuild.Data.Tests.Support;

namespace MlBuild.Data.Tests.Golden;

/// <summary>
/// One golden file: what the pre-streaming data path (commit 0ac60ac) computed for a dataset. A throwaway program on
/// that commit wrote them, for each dataset: the columns its reader and kind inference found; the row counts; the
/// findings of <c>DataChecks.Run</c> with the default settings and with <see cref="Strict"/> settings and
/// <see cref="Previous"/> schema (so that every check has something to say); the PSI of each feature; the leakage
/// figures; and the profile. Regenerate them only from that commit: they are the exact computation's answers.
/// </summary>
internal sealed record GoldenFile(
    string TrainPath,
    string TestPath,
    string Label,
    bool Classification,
    IReadOnlyList<string>? ColumnNames,
    IReadOnlyList<(string Name, string Kind, bool HasMissing)> Columns,
    long TrainRows,
    long TestRows,
    RecordedSchema Previous,
    IReadOnlyList<GoldenFile.FindingFigure> Findings,
    IReadOnlyList<GoldenFile.FindingFigure> StrictFindings,
    IReadOnlyList<GoldenFile.ShiftFigure> Shift,
    GoldenFile.LeakageFigure Leakage,
    DataProfile Profile)
{
    /// <summary>Settings under which every check reports on the datasets (the generator used the same).</summary>
    public static readonly DataCheckSettings Strict = DataCheckSettings.Default with
    {
        MinRows = 100_000,
        MinClassShare = 0.5,
        MaxPsi = 0,
        ConstantColumns = CheckLevel.Warning,
        SchemaChanges = CheckLevel.Warning,
    };

    private LegacyDataFile? _train;

    public sealed record FindingFigure(string Code, string Severity, string File, int Line, string Message);

    public sealed record ShiftFigure(string Feature, double Psi, double Limit);

    public sealed record LeakageFigure(long Shared, long TestRows, double ExpectedShared, double PValue,
        IReadOnlyList<(int TestLine, int TrainLine)> Examples);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static IEnumerable<string> All() => Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal);

    public static GoldenFile Read(string fileName)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, fileName)))!;
        string Text(JsonNode? node) => node!.GetValue<string>();
        var dataset = Text(root["dataset"]);
        var previous = root["previous"]!;
        return new GoldenFile(
            TestFiles.Real(dataset, Text(root["train"])),
            TestFiles.Real(dataset, Text(root["test"])),
            Text(root["label"]),
            Text(root["task"]) != "Regression",
            root["columnNames"]?.AsArray().Select(Text).ToList(),
            root["columns"]!.AsArray().Select(c => (Text(c!["name"]), Text(c["kind"]), c["hasMissing"]!.GetValue<bool>())).ToList(),
            root["trainRows"]!.GetValue<long>(),
            root["testRows"]!.GetValue<long>(),
            new RecordedSchema
            {
                Columns = new SortedDictionary<string, string>(
                    previous["columns"]!.AsObject().ToDictionary(p => p.Key, p => Text(p.Value)), StringComparer.Ordinal),
                Label = Text(previous["label"]),
            },
            FindingsOf(root["findings"]!),
            FindingsOf(root["strictFindings"]!),
            root["shift"]!.AsArray().Select(s => new ShiftFigure(Text(s!["feature"]), s["psi"]!.GetValue<double>(),
                s["limit"]!.GetValue<double>())).ToList(),
            new LeakageFigure(
                root["leakage"]!["shared"]!.GetValue<long>(),
                root["leakage"]!["testRows"]!.GetValue<long>(),
                root["leakage"]!["expectedShared"]!.GetValue<double>(),
                root["leakage"]!["pValue"]!.GetValue<double>(),
                root["leakage"]!["examples"]!.AsArray()
                    .Select(e => (e![0]!.GetValue<int>(), e[1]!.GetValue<int>())).ToList()),
            ProfileJson.Deserialize(root["profile"]!.ToJsonString()));
    }

    private static List<FindingFigure> FindingsOf(JsonNode findings) => findings.AsArray().Select(f => new FindingFigure(
        f!["code"]!.GetValue<string>(), f["severity"]!.GetValue<string>(), f["file"]!.GetValue<string>(),
        f["line"]!.GetValue<int>(), f["message"]!.GetValue<string>())).ToList();

    /// <summary>A training column's values as the exact computation profiled them, sorted, read by the pre-streaming
    /// reader: the numbers that parse and are finite, or the lengths of a text column's values that are not empty.</summary>
    public double[] Values(string column, bool length)
    {
        var file = _train ??= LegacyDataFileReader.Read(TrainPath,
            new LegacyDataFileFormat(TestFiles.Item, null, null, ColumnNames, null, null));
        var index = file.ColumnNames.ToList().IndexOf(column);
        var values = length
            ? file.ValuesOf(index).Where(v => !LegacyValues.IsMissing(v)).Select(v => (double)v.Length)
            : file.ValuesOf(index).Select(ProfileBuilder.Number).Where(double.IsFinite);
        return values.Order().ToArray();
    }
}
