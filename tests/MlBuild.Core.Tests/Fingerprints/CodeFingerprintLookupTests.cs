using MlBuild.Core.Fingerprints;

namespace MlBuild.Core.Tests.Fingerprints;

/// <summary>How the pipeline class is found from the name a model gives, and what the user is told when not.</summary>
public sealed class CodeFingerprintLookupTests : FingerprintTestBase
{
    [Fact]
    public void A_missing_class_is_reported_with_the_classes_that_implement_IModelPipeline()
    {
        var assembly = Build(SampleProject.Default);

        var error = Assert.Throws<PipelineTypeNotFoundException>(() => CodeFingerprint.Compute(assembly, "Samples.SentimentPipelin"));

        // Inherited implementations count, abstract classes and unrelated classes do not.
        Assert.Equal(["Samples.Registry+NestedPipeline", "Samples.SentimentPipeline", "Samples.TinyPipeline"], error.Candidates);
        Assert.Equal("Samples.SentimentPipelin", error.TypeFullName);
        Assert.Equal(assembly, error.AssemblyPath);
        Assert.Contains("'Samples.SentimentPipelin'", error.Message);
        Assert.Contains("Samples.SentimentPipeline, Samples.TinyPipeline", error.Message);
    }

    [Fact]
    public void A_class_name_without_its_namespace_is_not_found()
    {
        var assembly = Build(SampleProject.Default);

        Assert.Throws<PipelineTypeNotFoundException>(() => CodeFingerprint.Compute(assembly, "SentimentPipeline"));
    }

    [Fact]
    public void The_message_says_when_no_class_implements_IModelPipeline()
    {
        var assembly = Build(SampleProject.Default with { Pipeline = "namespace Samples { public class Plain { } }", Program = "System.Console.WriteLine();" });

        var error = Assert.Throws<PipelineTypeNotFoundException>(() => CodeFingerprint.Compute(assembly, "Samples.Missing"));

        Assert.Empty(error.Candidates);
        Assert.Contains("No class of that assembly implements IModelPipeline", error.Message);
    }

    [Fact]
    public void A_nested_class_is_named_as_reflection_names_it()
    {
        var assembly = Build(SampleProject.Default);

        var nested = CodeFingerprint.Compute(assembly, "Samples.Registry+NestedPipeline");

        Assert.Matches("^[0-9a-f]{32}$", nested);
        Assert.NotEqual(CodeFingerprint.Compute(assembly, "Samples.TinyPipeline"), nested);
    }

    [Fact]
    public void A_file_that_is_no_assembly_is_a_bad_image()
    {
        var assembly = Build(SampleProject.Default);
        File.WriteAllText(assembly, "not an assembly");

        Assert.Throws<BadImageFormatException>(() => CodeFingerprint.Compute(assembly, SampleProject.PipelineTypeName));
    }
}
