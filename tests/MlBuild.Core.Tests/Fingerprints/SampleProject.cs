namespace MlBuild.Core.Tests.Fingerprints;

/// <summary>
/// The sources of a small project with a code-mode pipeline, as a user would write it: the pipeline uses
/// lambdas, closures, an async method, an iterator, array literals, an anonymous type, a string switch, a
/// function pointer, a base class, helper classes (one generic, one with a generic method) and a data class.
/// Tests derive variants by exact edits.
/// </summary>
internal sealed record SampleProject(string Pipeline, string Program, string AssemblyInfo)
{
    public const string PipelineTypeName = "Samples.SentimentPipeline";

    // Line endings normalized, so that edits match however the repository was checked out.
    public static SampleProject Default { get; } = new(
        DefaultPipeline.ReplaceLineEndings("\n"),
        DefaultProgram.ReplaceLineEndings("\n"),
        DefaultAssemblyInfo.ReplaceLineEndings("\n"));

    public IEnumerable<(string Path, string Code)> Files =>
        [("Pipeline.cs", Pipeline), ("Program.cs", Program), ("AssemblyInfo.cs", AssemblyInfo)];

    public SampleProject EditPipeline(string from, string to) => this with { Pipeline = Edit(Pipeline, from, to) };

    public SampleProject EditProgram(string from, string to) => this with { Program = Edit(Program, from, to) };

    public SampleProject EditAssemblyInfo(string from, string to) => this with { AssemblyInfo = Edit(AssemblyInfo, from, to) };

    /// <summary>Inserts code at the start of the Samples namespace, before every type of the sample.</summary>
    public SampleProject InsertBeforeTypes(string code) => EditPipeline("namespace Samples\n{\n", "namespace Samples\n{\n" + code + "\n");

    // An edit that matches nothing would make a test pass vacuously.
    private static string Edit(string source, string from, string to)
    {
        var first = source.IndexOf(from, StringComparison.Ordinal);
        if (first < 0 || source.IndexOf(from, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"The edit must match the source exactly once: {from}");
        }

        return source.Replace(from, to, StringComparison.Ordinal);
    }

    private const string DefaultPipeline = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace MlBuild
        {
            // A stand-in for the real interface, which lives in MlBuild.Runtime.
            public interface IModelPipeline
            {
                object Build(object context);
            }
        }

        namespace Samples
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class PipelineInfoAttribute(string version) : Attribute
            {
                public string Version { get; } = version;
            }

            [AttributeUsage(AttributeTargets.Field)]
            public sealed class ColumnNameAttribute(string name) : Attribute
            {
                public string Name { get; } = name;
            }

            public sealed class SentimentRow
            {
                [ColumnName("Text")] public string Text = "";
                public bool Label;
            }

            public abstract class PipelineBase : MlBuild.IModelPipeline
            {
                public object Build(object context) => Configure(Prepare(context));
                protected virtual object Prepare(object context) => context ?? "empty";
                protected abstract object Configure(object context);
            }

            [PipelineInfo("v1")]
            public sealed class SentimentPipeline : PipelineBase
            {
                private readonly int _seed = 42;
                private static readonly int[] Buckets = { 1, 2, 3, 4, 5, 6, 7, 8 };

                protected override object Configure(object context)
                {
                    var words = new List<string> { "good", "bad" };
                    Func<string, int> score = w => w.Length * _seed;
                    var total = words.Select(w => w.ToUpperInvariant()).Sum(score);
                    var tag = new { Word = "w", Weight = 2 };
                    return TextHelpers.Normalize(context.ToString() ?? "") + total + Buckets.Length + tag.Word
                        + typeof(SentimentRow).Name + Classify("neutral") + Twice(3)
                        + new Weights<string>().Of("x") + TextHelpers.First(new[] { "a", "b" });
                }

                private async Task<int> WarmUpAsync()
                {
                    await Task.Yield();
                    return 7;
                }

                private IEnumerable<int> Seeds()
                {
                    yield return _seed;
                }

                private static int Classify(string label) => label switch
                {
                    "positive" => 1, "negative" => 2, "neutral" => 3, "mixed" => 4,
                    "unknown" => 5, "spam" => 6, "question" => 7, "other" => 8,
                    _ => 0,
                };

                private static unsafe int Twice(int value)
                {
                    delegate*<int, int> doubler = &Double;
                    return doubler(value);
                }

                private static int Double(int value) => value * 2;
            }

            public sealed class TinyPipeline : MlBuild.IModelPipeline
            {
                public object Build(object context) => context;
            }

            public static class Registry
            {
                public sealed class NestedPipeline : MlBuild.IModelPipeline
                {
                    public object Build(object context) => "nested";
                }
            }

            public static class TextHelpers
            {
                private static readonly string Separator = " ";

                public static string Normalize(string text) => Split(text).FirstOrDefault() ?? "";

                private static IEnumerable<string> Split(string text) => text.Split(Separator).Where(part => part.Length > 0);

                public static TItem First<TItem>(TItem[] items) => items[0];

                public static string Unrelated() => "unrelated";
            }

            public sealed class Weights<T>
            {
                public int Of(T item) => (item?.GetHashCode() ?? 0) % 7;
            }

            public sealed class Other
            {
                public int Compute() => 1;
            }
        }
        """;

    private const string DefaultProgram = """
        System.Console.WriteLine(new Samples.Other().Compute());
        """;

    private const string DefaultAssemblyInfo = """
        [assembly: System.Reflection.AssemblyVersion("1.0.0.0")]
        [assembly: System.Reflection.AssemblyInformationalVersion("1.0.0")]
        """;
}
