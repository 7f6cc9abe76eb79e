using System.Collections.Concurrent;
using System.Text;

namespace MlBuild.Worker.Tests.Support;

/// <summary>A writer that keeps each written line, safe to read while another thread writes.</summary>
internal sealed class LineRecorder : TextWriter
{
    private readonly ConcurrentQueue<string> _lines = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public override void WriteLine(string? value) => _lines.Enqueue(value ?? "");

    public override void Write(char value) =>
        throw new NotSupportedException("The worker writes whole lines.");
}
