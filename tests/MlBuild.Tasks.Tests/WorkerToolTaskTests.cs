
namespace MlBuild.Tasks.Tests;

/// <summary>What every worker task shares (<see cref="WorkerToolTask"/>): it refuses to start a worker without its
/// files, with an MLB error that names the missing file and what to do, and builds one command line.</summary>
public sealed class WorkerToolTaskTests : IDisposable
{
    private readonly TestDirectory _folder = new();
    private readonly FakeBuildEngine _engine = new();

    public void Dispose() => _folder.Dispose();

    private RunWorker Task(Action<RunWorker>? change = null)
    {
        var task = new RunWorker
        {
            BuildEngine = _engine,
            ModelName = "Iris",
            RequestFile = _folder.Write("obj/Iris.request.json", "{}"),
            WorkerPath = _folder.Write("tools/MlBuild.Worker.dll", ""),
            DepsFile = _folder.Write("bin/App.deps.json", "{}"),
            RuntimeConfigFile = _folder.Write("bin/App.runtimeconfig.json", "{}"),
            ProbingPaths = [_folder.File("packages") + "/", " "],
            ProjectFile = _folder.File("App.csproj"),
        };
        change?.Invoke(task);
        return task;
    }

    [Theory]
    [InlineData("DepsFile", "the project's deps.json", "Build the project first")]
    [InlineData("RuntimeConfigFile", "the project's runtimeconfig.json", "GenerateRuntimeConfigurationFiles")]
    [InlineData("WorkerPath", "the worker", "dotnet restore --force")]
    [InlineData("RequestFile", "the worker's request", "bug in MlBuild")]
    public void A_missing_file_stops_the_task_before_any_worker_starts(string parameter, string what, string remedy)
    {
        var missing = _folder.File("nowhere/" + parameter);
        var task = Task(t => typeof(RunWorker).GetProperty(parameter)!.SetValue(t, missing));

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("MLB4001", error.Code);
        Assert.Equal(_folder.File("App.csproj"), error.File);
        Assert.Contains($"Iris: the worker cannot start: {what} does not exist ({missing})", error.Message);
        Assert.Contains(remedy, error.Message);
        // Nothing ran: ToolTask sets the exit code only after starting a process.
        Assert.Equal(0, task.ExitCode);
        Assert.DoesNotContain(_engine.Messages, message => message.Message?.Contains("exec --depsfile", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_command_line_runs_the_worker_on_the_projects_dependencies()
    {
        var task = Task(t => t.Command = "evaluate");

        var line = (string)typeof(RunWorker).GetMethod("GenerateCommandLineCommands",
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(task, null)!;

        Assert.Equal(
            $"exec --depsfile {task.DepsFile} --runtimeconfig {task.RuntimeConfigFile} --roll-forward LatestMajor " +
            $"--additionalprobingpath {_folder.File("packages")} {task.WorkerPath} evaluate {task.RequestFile}", line);
    }
}
