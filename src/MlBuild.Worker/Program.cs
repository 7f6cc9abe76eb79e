using System.Text;
using MlBuild.Worker.Cli;

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
