using MlBuild.Protocol;
using System.Text.Json.Nodes;
using MlBuild.Core.Packaging;
using static MlBuild.TestSupport.PackagingFixtures;

namespace MlBuild.Core.Tests.Packaging;

public sealed class ModelCardTests
{
    [Fact]
    public void The_card_shows_what_the_manifest_says_for_people()
    {
        var card = ModelCard.Render(Manifest());

        Assert.StartsWith("# Iris 1.2.0\n\n", card);
        Assert.Contains("| Package | `Samples.Models.Iris` 1.2.0 |", card);
        Assert.Contains("| MacroAccuracy | 0.9333 (95% interval [0.8462, 1.0000]) |", card);
        Assert.Contains("| Evaluation | ✅ passed every gate of its last evaluation |", card);
        Assert.Contains("<PackageReference Include=\"Samples.Models.Iris\" Version=\"1.2.0\" />", card);
        Assert.Contains("MlModelPackage.Load(ml, \"Iris\")", card);
        Assert.Contains("| Sepal length | Single | feature |", card);
        Assert.Contains("| Score | Vector&lt;Single, 3&gt; | setosa, versicolor, virginica |", card);
        Assert.Contains("| MacroAccuracy | &gt;= 0.9000 | 0.9333 | 0.9200 | passed |", card);
        Assert.Contains("Expectations: 3 checked, 0 failed.", card);
        Assert.Contains("| PredictionLatencyP95Ms | 0.003 ms |", card);
        Assert.Contains("| Fingerprint | `85ab31e45782534349a15eeb91449526` |", card);
        Assert.Contains("| Commit | `0123456789abcdef0123456789abcdef01234567` |", card);
        Assert.Contains("| Working tree | clean |", card);
        Assert.Contains("| Remote | https://github.com/octo/models.git |", card);
        Assert.Contains("| train | data/train.tsv | 2.2 KiB | `xxh128:2c42` |", card);
        Assert.Contains("```json\n{\n  \"L2Regularization\": 0.5\n}\n```", card);
        Assert.Contains("| Microsoft.ML | 5.0.1 |", card);
        Assert.Contains("| Built | 2025-11-24T21:30:00Z |", card);
        Assert.DoesNotContain("WARNING", card);
    }

    [Fact]
    public void A_model_that_was_not_evaluated_says_why_and_a_dirty_tree_says_so()
    {
        var card = ModelCard.Render(Manifest(
            Plan(evaluation: NotEvaluated("no Evaluate run")), git: Git(dirty: true)));

        Assert.Contains("⚪ not evaluated: no Evaluate run", card);
        Assert.Contains("with uncommitted changes", card);
        Assert.Contains("| Working tree | uncommitted changes", card);
        Assert.DoesNotContain("| metric | gate |", card);
    }

    [Fact]
    public void A_forced_package_warns_first_with_each_overridden_refusal()
    {
        var card = ModelCard.Render(Manifest(Plan(
            evaluation: new EvaluationSummary { Status = "failed" },
            forced: ["MLB7001: Iris: the last evaluation of this model failed"])));

        Assert.Contains("> [!WARNING]\n> Packaged with `MlBuildPackageForce=true` despite:\n> - MLB7001: Iris: the last evaluation of this model failed\n", card);
        Assert.Contains("❌ failed its last evaluation", card);
        Assert.True(card.IndexOf("[!WARNING]", StringComparison.Ordinal) < card.IndexOf("## Use it", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_from_the_data_cannot_break_the_markdown()
    {
        const string Hostile = "a|b <script>x</script> `c` [d](e) @f #1\nnext";
        var iris = IrisSchemas();
        var schemas = new ModelDescription([.. iris.Input, new DescribedColumn(Hostile, "String")],
            [iris.Output[0], iris.Output[1] with { SlotNames = [Hostile, "b"] }]);
        var entry = IrisEntry();
        entry["inputs"]![0]!["path"] = "data/" + Hostile;
        entry["params"] = new JsonObject { [Hostile] = "```" };
        var plan = Plan(entry) with { Description = Hostile };

        var card = ModelCard.Render(Manifest(plan, schemas));

        // Inside the params' code block the name is shown as code, as written; everywhere else it is escaped text.
        var fence = card.IndexOf("````json\n", StringComparison.Ordinal);
        Assert.True(fence > 0, card);
        var end = card.IndexOf("\n````\n", fence + 8, StringComparison.Ordinal);
        Assert.True(end > fence, card);
        var outsideCode = card[..fence] + card[(end + 6)..];
        Assert.DoesNotContain("<script>", outsideCode);
        Assert.DoesNotContain("a|b", outsideCode);
        Assert.DoesNotContain("\nnext", outsideCode);
        Assert.Contains("a\\|b &lt;script&gt;x&lt;/script&gt; \\`c\\` \\[d\\](e)", card);
        // Every table row still has its cells.
        foreach (var line in card.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(Hostile[..1] + "\\|", StringComparison.Ordinal)))
            Assert.EndsWith(" |", line);
    }

    [Fact]
    public void Companion_files_are_named_in_the_usage()
    {
        var card = ModelCard.Render(Manifest(Plan(onnx: "/repo/bin/Iris.onnx")));

        Assert.Contains("The output folder also gets `Iris.onnx` (the model in ONNX format).", card);
        Assert.DoesNotContain("also gets", ModelCard.Render(Manifest()));
    }

    [Fact]
    public void A_long_list_of_slot_names_is_shortened()
    {
        var iris = IrisSchemas();
        var schemas = iris with { Output = [iris.Output[0], iris.Output[1] with { SlotNames = Enumerable.Range(0, 50).Select(i => "s" + i).ToList() }] };

        var card = ModelCard.Render(Manifest(schemas: schemas));

        Assert.Contains("s9, … (50 in all)", card);
        Assert.DoesNotContain("s10", card);
    }
}
