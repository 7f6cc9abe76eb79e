// The pre-streaming reader (src/MlBuild.Data/Files at 0ac60ac, before "WIP issue 10"), which held every record as
// a list of strings: kept as the oracle of the equivalence tests in ../Reading, verbatim but for the type names (Legacy…)
// and the namespace. Do not fix or modernize it: a difference from it is a bug of the new reader, or a change the test
// that shows it names as deliberate.

using System.Text;
using MlBuild.Data.Diagnostics;
using MlBuild.Data.Files;

namespace MlBuild.Data.Tests.Legacy;

/// <summary>
/// Splits delimited text into records. Double quotes are honoured (RFC 4180: a quoted field may hold
/// separators, doubled quotes and line breaks) only when quoting is on, which callers do for ',' only:
/// tab- and semicolon-separated files often hold stray quotes inside text (the sentiment data does).
/// Fields are not trimmed, so text keeps its spacing. Blank lines are skipped but still counted.
/// </summary>
internal static class LegacyRecordReader
{
    public static IEnumerable<DataRecord> Read(TextReader reader, string path, char separator, bool quoting)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            // Without a quote on the line, quoting changes nothing: a plain split gives the same fields, much faster.
            if (!quoting || !line.Contains('"'))
            {
                yield return new DataRecord(lineNumber, line.Split(separator));
                continue;
            }
            var start = lineNumber;
            var fields = SplitQuoted(line, separator, () =>
            {
                var next = reader.ReadLine();
                if (next is null)
                    throw new MlbException(MlbCodes.WrongFieldCount, new Location(path, start),
                        "a quoted field that starts on this line is never closed: add the closing '\"', " +
                        "or double the quotes inside the field (\"\").");
                lineNumber++;
                return next;
            });
            yield return new DataRecord(start, fields);
        }
    }

    private static string[] SplitQuoted(string line, char separator, Func<string> nextLine)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var atFieldStart = true;
        var i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!inQuotes)
                    break;
                // A line break inside quotes belongs to the field.
                field.Append('\n');
                line = nextLine();
                i = 0;
                continue;
            }
            var c = line[i++];
            if (inQuotes)
            {
                if (c != '"')
                    field.Append(c);
                else if (i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    inQuotes = false;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c == '"' && atFieldStart)
            {
                inQuotes = true;
                atFieldStart = false;
            }
            else
            {
                // A quote inside an unquoted field, or text after a closing quote, is kept as it is.
                field.Append(c);
                atFieldStart = false;
            }
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
