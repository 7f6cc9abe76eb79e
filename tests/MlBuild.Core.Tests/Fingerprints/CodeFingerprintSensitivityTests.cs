namespace MlBuild.Core.Tests.Fingerprints;

/// <summary>Every change of the code that builds the pipeline must change its fingerprint (else a stale model).</summary>
public sealed class CodeFingerprintSensitivityTests : FingerprintTestBase
{
    private void AssertChangesFingerprint(Func<SampleProject, SampleProject> edit)
    {
        var original = FingerprintOf(SampleProject.Default);
        var edited = FingerprintOf(edit(SampleProject.Default));
        Assert.NotEqual(original, edited);
    }

    [Fact]
    public void A_string_literal() =>
        AssertChangesFingerprint(project => project.EditPipeline("\"good\"", "\"great\""));

    [Fact]
    public void A_called_method() =>
        AssertChangesFingerprint(project => project.EditPipeline("w.ToUpperInvariant()", "w.ToLowerInvariant()"));

    [Fact]
    public void A_lambda_body() =>
        AssertChangesFingerprint(project => project.EditPipeline("w.Length * _seed", "w.Length + _seed"));

    [Fact]
    public void A_field_initializer() =>
        AssertChangesFingerprint(project => project.EditPipeline("_seed = 42", "_seed = 43"));

    [Fact]
    public void An_array_literal() =>
        AssertChangesFingerprint(project => project.EditPipeline("{ 1, 2, 3, 4, 5, 6, 7, 8 }", "{ 1, 2, 3, 4, 5, 6, 7, 9 }"));

    [Fact]
    public void An_added_method() =>
        AssertChangesFingerprint(project => project.EditPipeline(
            "private static int Double(int value) => value * 2;",
            "private static int Double(int value) => value * 2;\n public int Added() => 0;"));

    [Fact]
    public void The_body_of_an_async_method() =>
        AssertChangesFingerprint(project => project.EditPipeline("return 7;", "return 8;"));

    [Fact]
    public void The_body_of_an_iterator() =>
        AssertChangesFingerprint(project => project.EditPipeline("yield return _seed;", "yield return _seed + 1;"));

    [Fact]
    public void A_method_signature() =>
        AssertChangesFingerprint(project => project.EditPipeline("private async Task<int> WarmUpAsync()", "private async Task<long> WarmUpAsync()"));

    [Fact]
    public void A_case_of_a_string_switch() =>
        AssertChangesFingerprint(project => project.EditPipeline("\"mixed\" => 4", "\"ambivalent\" => 4"));

    [Fact]
    public void An_anonymous_type_property() =>
        AssertChangesFingerprint(project => project.EditPipeline("Weight = 2 }", "Importance = 2 }"));

    [Fact]
    public void An_attribute_of_the_pipeline_class() =>
        AssertChangesFingerprint(project => project.EditPipeline("[PipelineInfo(\"v1\")]", "[PipelineInfo(\"v2\")]"));

    [Fact]
    public void A_method_of_the_base_class() =>
        AssertChangesFingerprint(project => project.EditPipeline("context ?? \"empty\"", "context ?? \"none\""));

    [Fact]
    public void A_helper_method_the_pipeline_calls() =>
        AssertChangesFingerprint(project => project.EditPipeline("Split(text).FirstOrDefault()", "Split(text).LastOrDefault()"));

    [Fact]
    public void A_helper_method_called_by_a_helper() =>
        AssertChangesFingerprint(project => project.EditPipeline("text.Split(Separator)", "text.ToLowerInvariant().Split(Separator)"));

    [Fact]
    public void A_method_of_a_generic_helper_class() =>
        AssertChangesFingerprint(project => project.EditPipeline("% 7", "% 5"));

    [Fact]
    public void A_generic_helper_method() =>
        AssertChangesFingerprint(project => project.EditPipeline("=> items[0]", "=> items[^1]"));

    [Fact]
    public void A_lambda_of_a_helper_method() =>
        AssertChangesFingerprint(project => project.EditPipeline("part.Length > 0", "part.Length > 1"));

    [Fact]
    public void A_static_field_initializer_of_a_helper_class() =>
        AssertChangesFingerprint(project => project.EditPipeline("Separator = \" \"", "Separator = \",\""));

    [Fact]
    public void An_attribute_of_a_data_class_the_pipeline_mentions() =>
        AssertChangesFingerprint(project => project.EditPipeline("[ColumnName(\"Text\")]", "[ColumnName(\"Review\")]"));

    [Fact]
    public void A_field_added_to_a_data_class_the_pipeline_mentions() =>
        AssertChangesFingerprint(project => project.EditPipeline("public bool Label;", "public bool Label;\n public float Weight;"));
}
