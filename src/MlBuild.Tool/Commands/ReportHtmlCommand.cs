using System.CommandLine;

namespace MlBuild.Tool.Commands;

/// <summary><c>mlbuild report html &lt;report&gt;… --output &lt;file&gt;</c>: the command line of
/// <see cref="Reports.HtmlReportCombiner"/>.</summary>
internal static class ReportHtmlCommand
{
    public static Command Create(Func<string[], string, string?, int> combine)
    {
        var reports = new Argument<string[]>("report")
        {
            Description = "A saved report: the folder the Evaluate target saved it in (with report.html.json), or that file.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The HTML file to write.",
            HelpName = "file",
            Required = true,
        };
        var title = new Option<string>("--title") { Description = "The document's title.", HelpName = "text" };
        var command = new Command("html", "Combines the HTML reports of several projects into one self-contained file.")
        {
            reports, output, title,
        };
        command.SetAction(parsed => combine(parsed.GetRequiredValue(reports), parsed.GetRequiredValue(output), parsed.GetValue(title)));
        return command;
    }
}
