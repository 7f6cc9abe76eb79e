using Microsoft.CodeAnalysis;
using MlBuild.Core.Fingerprints;
using MlBuild.Core.Tests.Support;

namespace MlBuild.Core.Tests.Fingerprints;

/// <summary>
/// Changes of code the pipeline does not use must keep its fingerprint (else a needless retrain on every edit).
/// The hard part: they shift the metadata row numbers that the pipeline's IL refers to.
/// </summary>
public sealed class CodeFingerprintStabilityTests : FingerprintTestBase
{
    // Mentions new external types and members, strings, a lambda, an array literal, an anonymous type sorted
    // before the pipeline's and a string switch: it shifts every kind of row the pipeline's IL refers to.
    private const string UnrelatedClass = """
        public sealed class AddedBefore
        {
            private static readonly long[] Primes = { 2, 3, 5, 7, 11, 13, 17, 19 };
            public string Describe(System.Collections.Generic.Dictionary<string, System.Text.StringBuilder> map) =>
                string.Join("added", map.Keys.Select(key => key.Trim()).Concat(new[] { new { Alpha = 1 }.ToString() }))
                + Primes.Sum() + System.Math.Abs(-4) + Kind("b");
            private static int Kind(string name) => name switch
            {
                "a" => 1, "b" => 2, "c" => 3, "d" => 4, "e" => 5, "f" => 6, "g" => 7, "h" => 8, _ => 0,
            };
        }
        """;

    private void AssertKeepsFingerprint(Func<SampleProject, SampleProject> edit, OptimizationLevel optimization = OptimizationLevel.Release)
    {
        var original = FingerprintOf(SampleProject.Default, optimization);
        var edited = FingerprintOf(edit(SampleProject.Default), optimization);
        Assert.Equal(original, edited);
    }

    [Fact]
    public void The_same_source_compiled_twice_has_the_same_fingerprint()
    {
        var first = Build(SampleProject.Default);
        var second = Build(SampleProject.Default);

        var fingerprint = CodeFingerprint.Compute(first, SampleProject.PipelineTypeName);

        Assert.Equal(fingerprint, CodeFingerprint.Compute(second, SampleProject.PipelineTypeName));
        Assert.Matches("^[0-9a-f]{32}$", fingerprint);
    }

    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void Adding_a_class_before_the_pipeline(OptimizationLevel optimization)
    {
        var edited = SampleProject.Default.InsertBeforeTypes(UnrelatedClass);

        // Not vacuous: the tokens in the pipeline's IL did move.
        Assert.NotEqual(
            MetadataInspection.RawIL(Build(SampleProject.Default, optimization), "SentimentPipeline", "Configure"),
            MetadataInspection.RawIL(Build(edited, optimization), "SentimentPipeline", "Configure"));
        AssertKeepsFingerprint(_ => edited, optimization);
    }

    [Fact]
    public void Adding_an_anonymous_type_that_renumbers_the_pipelines()
    {
        var edited = SampleProject.Default.InsertBeforeTypes(UnrelatedClass);

        // Not vacuous: the compiler numbers anonymous types by their property names across the assembly.
        Assert.Equal("<Word>j__TPar,<Weight>j__TPar", MetadataInspection.AnonymousTypes(Build(SampleProject.Default))["<>f__AnonymousType0`2"]);
        Assert.Equal("<Word>j__TPar,<Weight>j__TPar", MetadataInspection.AnonymousTypes(Build(edited))["<>f__AnonymousType1`2"]);
        AssertKeepsFingerprint(_ => edited);
    }

    [Theory]
    [InlineData(OptimizationLevel.Release)]
    [InlineData(OptimizationLevel.Debug)]
    public void Changing_a_method_of_another_class(OptimizationLevel optimization) =>
        AssertKeepsFingerprint(project => project.EditPipeline("public int Compute() => 1;", "public int Compute() => 2 + \"x\".Length;"), optimization);

    [Fact]
    public void Adding_a_method_to_another_class() =>
        AssertKeepsFingerprint(project => project.EditPipeline(
            "public int Compute() => 1;",
            "public int Compute() => 1;\n public int[] Added() => new[] { 9, 8, 7, 6, 5, 4, 3, 2 };"));

    [Fact]
    public void Changing_a_method_of_a_helper_class_that_the_pipeline_does_not_call() =>
        AssertKeepsFingerprint(project => project.EditPipeline("\"unrelated\"", "\"changed\""));

    [Fact]
    public void Adding_a_method_at_the_end_of_a_helper_class() =>
        AssertKeepsFingerprint(project => project.EditPipeline(
            "public static string Unrelated() => \"unrelated\";",
            "public static string Unrelated() => \"unrelated\";\n public static int AddedLater() => 2;"));

    [Fact]
    public void Changing_the_program() =>
        AssertKeepsFingerprint(project => project.EditProgram(
            "System.Console.WriteLine(new Samples.Other().Compute());",
            "System.Console.WriteLine(\"starting\");\nSystem.Console.WriteLine(new Samples.Other().Compute() + args.Length);"));

    [Fact]
    public void Changing_the_assembly_version()
    {
        var edited = SampleProject.Default
            .EditAssemblyInfo("AssemblyVersion(\"1.0.0.0\")", "AssemblyVersion(\"2.1.0.0\")")
            .EditAssemblyInfo("AssemblyInformationalVersion(\"1.0.0\")", "AssemblyInformationalVersion(\"2.1.0-beta\")");

        // Not vacuous: the module's identity (MVID) did change.
        Assert.NotEqual(MetadataInspection.Mvid(Build(SampleProject.Default)), MetadataInspection.Mvid(Build(edited)));
        AssertKeepsFingerprint(_ => edited);
    }
}
