using System.Reflection;
using Microsoft.ML;
using MlBuild.Worker.Diagnostics;
using MlBuild.Worker.Training;

namespace MlBuild.Worker.Pipelines;

/// <summary>The pipeline of a code model: a class of the project implementing <see cref="IModelPipeline"/>, found in
/// the project's built assembly and instantiated before the data is read.</summary>
internal sealed class CodePipeline : IEstimatorSource, IDisposable
{
    private const string InterfaceName = "MlBuild.IModelPipeline";

    private readonly PipelineAssemblyLoader _loader;
    private readonly IModelPipeline _pipeline;
    private readonly ModelTask _task;
    private readonly ParamsFile _parameters;
    private readonly int _seed;
    private readonly Location _declaredAt;

    private CodePipeline(PipelineAssemblyLoader loader, IModelPipeline pipeline, string name, ModelTask task,
        ParamsFile parameters, int seed, Location declaredAt)
    {
        _loader = loader;
        _pipeline = pipeline;
        Name = name;
        _task = task;
        _parameters = parameters;
        _seed = seed;
        _declaredAt = declaredAt;
    }

    public string Name { get; }

    public static CodePipeline Load(string typeName, string? assemblyPath, ModelTask task, ParamsFile parameters,
        int seed, Location declaredAt)
    {
        if (string.IsNullOrEmpty(assemblyPath) || !File.Exists(assemblyPath))
            throw new MlbException(MlbCodes.PipelineAssemblyMissing, declaredAt,
                $"the project's assembly '{assemblyPath}', which should hold the pipeline class {typeName}, does not " +
                "exist: build the project before training (the MlBuild targets run after Build).");

        var loader = new PipelineAssemblyLoader(assemblyPath);
        try
        {
            var type = FindType(loader.Assembly, typeName, declaredAt);
            var pipeline = Instantiate(type, declaredAt);
            return new CodePipeline(loader, pipeline, type.FullName ?? typeName, task, parameters, seed, declaredAt);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    public IEstimator<ITransformer> Build(MLContext ml, TrainingData data)
    {
        var context = new PipelineContext(ml, _task, data.TrainView, data.Selection.Label.Name,
            data.Selection.Features.Select(c => c.Name).ToList(), _parameters.ToModelParams(), _seed);
        IEstimator<ITransformer>? estimator;
        try
        {
            estimator = _pipeline.Build(context);
        }
        catch (Exception e)
        {
            throw new MlbException(MlbCodes.PipelineFailed, _declaredAt,
                $"the pipeline class {Name} threw {e.GetType().FullName} in Build: {e.Message} Fix the class " +
                "(a unit test of it with a PipelineContext reproduces this without a build).");
        }
        return estimator ?? throw new MlbException(MlbCodes.PipelineFailed, _declaredAt,
            $"the pipeline class {Name} returned null from Build: return the estimator to train.");
    }

    public void Dispose() => _loader.Dispose();

    private static Type FindType(Assembly assembly, string typeName, Location declaredAt)
    {
        var type = assembly.GetType(typeName, throwOnError: false);
        if (type is not null)
            return type;
        var candidates = LoadableTypes(assembly)
            .Where(t => t.IsClass && t.GetInterfaces().Any(i => i.FullName == InterfaceName))
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        throw new MlbException(MlbCodes.PipelineTypeNotFound, declaredAt,
            $"the pipeline class '{typeName}' is not in {Path.GetFileName(assembly.Location)}: " + (candidates.Count == 0
                ? "no class of it implements MlBuild.IModelPipeline; add one, and set Pipeline to its full name (namespace included)."
                : $"set Pipeline to the full name of one of its classes that implement MlBuild.IModelPipeline: {string.Join(", ", candidates)}."));
    }

    private static IModelPipeline Instantiate(Type type, Location declaredAt)
    {
        if (!typeof(IModelPipeline).IsAssignableFrom(type))
            throw new MlbException(MlbCodes.InvalidPipelineType, declaredAt,
                type.GetInterfaces().Any(i => i.FullName == InterfaceName)
                    ? $"the pipeline class {type.FullName} implements an MlBuild.IModelPipeline of another MlBuild.Runtime " +
                      "than the worker's: reference the MlBuild package's version of MlBuild.Runtime only."
                    : $"the pipeline class {type.FullName} does not implement MlBuild.IModelPipeline: implement it, " +
                      "or set Pipeline to a class that does.");
        if (type.IsAbstract || type.ContainsGenericParameters || type.GetConstructor(Type.EmptyTypes) is not { IsPublic: true })
            throw new MlbException(MlbCodes.InvalidPipelineType, declaredAt,
                $"the pipeline class {type.FullName} cannot be created: it needs to be a non-abstract, non-generic class " +
                "with a public parameterless constructor.");
        try
        {
            return (IModelPipeline)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new MlbException(MlbCodes.PipelineFailed, declaredAt,
                $"the constructor of the pipeline class {type.FullName} threw {inner.GetType().FullName}: {inner.Message}");
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
