using System.Globalization;
using System.Numerics;
using MlBuild.Data.Files;
using MlBuild.Data.Tests.Legacy;
using MlBuild.Data.Tests.Support;
using MlBuild.Data.Reading;

namespace MlBuild.Data.Tests.Reading;

/// <summary>
/// The new number parsing (csFastFloat for plain decimals, the framework for the rest; <see cref="Values.ToSingle"/>
/// narrowing the double) against what the old reader did (<see cref="LegacyValues"/>: <c>float.TryParse</c>, invariant
/// culture) and against <c>double.TryParse</c>: the same texts accepted, and bit for bit the same Single and double, on
/// edge cases and many random texts.
/// </summary>
public sealed class NumberParsingTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] Edges =
    [
        "0", "-0", "+0", "0.0", "-0.0", "00", "000123.5", "00000000000000000000000000000.1e1", ".5", "5.", "-.5", "+.5",
        "+5.e3", "-5.E-3", "1e0", "1E+0", "1e-0", "+1", "++1", "--1", "+-1", "1e+-1", "1e", "e1", "1e+", ".", "-", "+", "",
        " ", "1,5", "1_000", "0x10", "1.2.3", "1d", "1f", "1m", "١٢", "１", "1e400", "-1e400", "1e-400", "-1e-400",
        "1e99999999999999999999", "-1e-99999999999999999999", "0e999999999999", "1e+0309", "1e308", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072014e-308", "2.2250738585072011e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-45", "1.4e-45", "7e-46",
        "7.006492321624085e-46", "7.006492321624086e-46", "1.401298464324817e-45", "1.1754942e-38", "1.17549435e-38",
        "3.4028235e38", "3.4028236e38", "3.40282356779733661637539395458142568448e38", "3.4028235677973366e38",
        "3.402823567797337e38", "340282356779733661637539395458142568447", "340282356779733661637539395458142568448",
        "16777216", "16777217", "16777218", "16777219", "9007199254740993", "9007199254740992.5", "0.1", "0.2", "0.3",
        "123456789012345678901234567890", "1." + new string('0', 800) + "1", new string('9', 400), "0." + new string('0', 400) + "1",
        "NaN", "nan", "-NaN", "+NaN", "NAN", "Infinity", "-Infinity", "+Infinity", "infinity", "INFINITY", "inf", "-inf",
        "∞", "-∞", "+∞", " 1", "1 ", "\t1\n", " 1e3 ", "\u00a01", "1\u00a0", " -2.5 ", "1.5e-7", "-3e-7", "12.5",
    ];

    public static IEnumerable<object[]> EdgeCases() => Edges.Select(e => new object[] { e });

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Edge_cases_parse_as_before(string text) => AssertAsBefore(text);

    [Fact]
    public void Random_doubles_in_every_format_parse_as_before()
    {
        var random = new Random(12345);
        string[] formats = ["R", "G17", "G15", "G9", "E", "E16", "E3", "F", "F2", "F20", "0.############################"];
        for (var i = 0; i < 20_000; i++)
        {
            var value = RandomDouble(random);
            foreach (var format in formats)
            {
                var text = value.ToString(format, Invariant);
                AssertAsBefore(text);
                if (text[0] != '-')
                    AssertAsBefore("+" + text);
                AssertAsBefore("000" + text.TrimStart('-'));
            }
        }
    }

    [Fact]
    public void Random_singles_parse_as_before()
    {
        var random = new Random(54321);
        for (var i = 0; i < 20_000; i++)
        {
            var value = BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32));
            AssertAsBefore(value.ToString("R", Invariant));
            AssertAsBefore(value.ToString("G9", Invariant));
            AssertAsBefore(value.ToString("E12", Invariant));
        }
    }

    /// <summary>Texts at, just above and just below the exact midpoint between two neighbouring Singles: the one case
    /// where rounding the text to a double first could give another Single than rounding it to a Single directly.</summary>
    [Fact]
    public void Texts_near_the_midpoints_of_Singles_parse_as_before()
    {
        var random = new Random(2024);
        var singles = new List<float> { float.Epsilon, float.MaxValue, 1f, 16777216f, BitConverter.UInt32BitsToSingle(0x007FFFFF),
            BitConverter.UInt32BitsToSingle(0x00800000), 0.1f };
        for (var i = 0; i < 3000; i++)
            singles.Add(BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 0x7F7FFFFF)));
        foreach (var single in singles)
        {
            var midpoint = ((double)single + (double)MathF.BitIncrement(single)) / 2;
            var exact = Exact(midpoint);
            foreach (var text in new[] { exact, Above(exact), Below(exact) })
            {
                AssertAsBefore(text);
                AssertAsBefore("-" + text);
            }
        }
    }

    [Fact]
    public void Random_texts_of_number_characters_parse_as_before()
    {
        var random = new Random(99);
        const string alphabet = "0123456789012345678901234567890123456789.eE+-  NaInfity";
        for (var i = 0; i < 200_000; i++)
        {
            var length = random.Next(1, 30);
            AssertAsBefore(new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }
    }

    /// <summary>The record cursor reads a field's number as the old reader's <c>ToNumber</c> did (NaN when missing or
    /// not a number), and its double as <c>double.TryParse</c>.</summary>
    [Fact]
    public void The_cursor_reads_the_numbers_of_a_file_as_before()
    {
        using var temp = new TestDirectory();
        var random = new Random(5);
        var texts = Edges.Where(e => !e.Contains('\n') && !e.Contains(',') && !string.IsNullOrWhiteSpace(e) || e == "")
            .Concat(Enumerable.Range(0, 2000).Select(_ => RandomDouble(random).ToString("R", Invariant))).ToList();
        var path = temp.Write("numbers.csv", "Label,x\n" + string.Concat(texts.Select(t => $"1,{t}\n")));

        var source = DataSource.Open(path, new DataFileFormat(BothReaders.Item, HasHeader: true));
        using var records = source.OpenRecords();
        var row = 0;
        while (records.MoveNext())
        {
            var text = texts[row++];
            var isNumber = records.TryGetNumber(1, out var value, out var single);
            var legacy = LegacyValues.ToNumber(text);
            Assert.True(isNumber == (LegacyValues.IsMissing(text) || LegacyValues.IsNumber(text)), text);
            Assert.Equal(Bits(legacy), Bits(isNumber ? single : float.NaN));
            Assert.Equal(isNumber, records.TryGetDouble(1, out var alone));
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(alone));
            if (!LegacyValues.IsMissing(text) && double.TryParse(text, NumberStyles.Float, Invariant, out var expected))
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
        }
        Assert.Equal(texts.Count, row);
    }

    private static void AssertAsBefore(string text)
    {
        var oldAccepts = LegacyValues.TryParseNumber(text, out var oldSingle);
        var doubleAccepts = double.TryParse(text, NumberStyles.Float, Invariant, out var expectedDouble);
        var newAccepts = Values.TryParseNumber(text.AsSpan(), out double newDouble);

        Assert.True(oldAccepts == newAccepts, $"'{text}': float.TryParse says {oldAccepts}, the new parser {newAccepts}");
        Assert.True(doubleAccepts == newAccepts, $"'{text}': double.TryParse says {doubleAccepts}, the new parser {newAccepts}");
        Assert.True(Values.IsNumber(text.AsSpan()) == oldAccepts, $"'{text}': IsNumber");
        if (!newAccepts)
            return;
        Assert.True(BitConverter.DoubleToInt64Bits(expectedDouble) == BitConverter.DoubleToInt64Bits(newDouble),
            $"'{text}': double.TryParse gives {expectedDouble:R}, the new parser {newDouble:R}");
        var newSingle = Values.ToSingle(newDouble, text);
        Assert.True(Bits(oldSingle) == Bits(newSingle),
            $"'{text}': float.TryParse gives {oldSingle:R} ({Bits(oldSingle):X8}), ToSingle {newSingle:R} ({Bits(newSingle):X8})");
        Assert.True(Bits(LegacyValues.ToNumber(text)) == Bits(Values.ToDouble(text) is var d && double.IsNaN(d) ? float.NaN : Values.ToSingle(d, text)),
            $"'{text}': ToNumber");
    }

    private static uint Bits(float value) => BitConverter.SingleToUInt32Bits(value);

    // Every kind of double: random bits (any exponent, subnormals, the odd NaN or infinity), and everyday magnitudes.
    private static double RandomDouble(Random random) => random.Next(4) switch
    {
        0 => BitConverter.Int64BitsToDouble(random.NextInt64()),
        1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 12)),
        2 => random.Next(-100_000, 100_000) / 100.0,
        _ => BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)),
    };

    /// <summary>The exact decimal of a double, from its bits (mantissa × 2^exponent), as digits with a point.</summary>
    private static string Exact(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
            exponent = 1;
        else
            mantissa |= 1L << 52;
        exponent -= 1075;
        if (exponent >= 0)
            return (new BigInteger(mantissa) << exponent).ToString(Invariant);
        // mantissa / 2^-e = mantissa × 5^-e / 10^-e
        var digits = (new BigInteger(mantissa) * BigInteger.Pow(5, -exponent)).ToString(Invariant).PadLeft(-exponent + 1, '0');
        var point = digits.Length + exponent;
        return (digits[..point] + "." + digits[point..]).TrimEnd('0').TrimEnd('.');
    }

    // Just above and just below a decimal, by far less than any double's spacing near it.
    private static string Above(string exact) => (exact.Contains('.') ? exact : exact + ".") + new string('0', 40) + "1";

    private static string Below(string exact)
    {
        // The decimal minus one unit in its 41st place after the point: ...d999...9 with the last digit lowered.
        var withPoint = (exact.Contains('.') ? exact : exact + ".") + new string('0', 41);
        var chars = withPoint.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] == '.')
                continue;
            if (chars[i] != '0')
            {
                chars[i]--;
                break;
            }
            chars[i] = '9';
        }
        return new string(chars);
    }
}
