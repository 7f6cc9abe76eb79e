using System.Runtime.Loader;
using System.Text;
using MlBuild.Worker.Cli;

// The worker runs with the consuming project's deps.json, which lists the project's assemblies and not the worker's
// own: MlBuild.Data ships beside MlBuild.Worker.dll (the package's tools/ folder) and is found there. Registered before
// any code that uses it is compiled, so first thing.
var workerDirectory = Path.GetDirectoryName(typeof(WorkerCommand).Assembly.Location)!;
AssemblyLoadContext.Default.Resolving += (context, name) =>
    Path.Combine(workerDirectory, name.Name + ".dll") is var beside && File.Exists(beside)
        ? context.LoadFromAssemblyPath(beside)
        : null;

try
{
    // Progress and messages hold non-ASCII text (model names, data values, "…"); the tasks read UTF-8.
    Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
catch (IOException)
{
    // No console to configure (Windows with redirected output keeps the default encoding).
}

return WorkerCommand.Run(args, Console.Out, Console.Error);
