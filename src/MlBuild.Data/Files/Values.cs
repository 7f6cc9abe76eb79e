using System.Globalization;

namespace MlBuild.Data.Files;

/// <summary>How a field's text is read as a value; one place, so inference, validation and loading agree. Spans, so
/// that a streaming pass reads values without a string per field.</summary>
public static class Values
{
    public static bool IsMissing(string field) => string.IsNullOrWhiteSpace(field);

    public static bool IsMissing(ReadOnlySpan<char> field) => field.IsWhiteSpace();

    /// <summary>Invariant culture, so that a model trains the same on every machine whatever its locale.</summary>
    public static bool TryParseNumber(string field, out float value) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A field as a double, accepting exactly what <c>double.TryParse</c> with <see cref="NumberStyles.Float"/>
    /// and the invariant culture accepts, with the same result. Plain decimals ("12.5", "-3e-7", as every CSV writer
    /// writes them) take csFastFloat's correctly rounded parser, several times faster; anything else (spaces,
    /// "Infinity", "NaN", "∞") the framework's.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> field, out double value)
    {
        if (IsPlainDecimal(field) &&
            csFastFloat.FastDoubleParser.TryParseDouble(field, out var consumed, out value) && consumed == field.Length)
            return true;
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsNumber(string field) => TryParseNumber(field, out float _);

    public static bool IsNumber(ReadOnlySpan<char> field) => TryParseNumber(field, out double _);

    /// <summary>
    /// The Single that <c>float.TryParse</c> gives for <paramref name="text"/>, from its double <paramref name="value"/>
    /// (one parse for both the profile, which keeps doubles, and the model, which reads Singles). Rounding the double
    /// to a Single is exact except when the double lies exactly halfway between two Singles: the decimal may then have
    /// been just above or below the midpoint, so only the text can tell, and it is parsed again.
    /// </summary>
    public static float ToSingle(double value, ReadOnlySpan<char> text)
    {
        var single = (float)value;
        if (!IsSingleMidpoint(value))
            return single;
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : single;
    }

    public static bool TryParseBoolean(string field, out bool value) => TryParseBoolean(field.AsSpan(), out value);

    public static bool TryParseBoolean(ReadOnlySpan<char> field, out bool value)
    {
        var text = field.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsBoolean(string field) => TryParseBoolean(field, out _);

    public static bool IsBoolean(ReadOnlySpan<char> field) => TryParseBoolean(field, out _);

    /// <summary>A numeric field as a Single: NaN when missing (ML.NET's missing value for floats).</summary>
    public static float ToNumber(string field) =>
        !IsMissing(field) && TryParseNumber(field, out float value) ? value : float.NaN;

    /// <summary>A numeric field as a double (more exact than the Single ML.NET reads): NaN when missing or not a number.</summary>
    public static double ToDouble(ReadOnlySpan<char> field) =>
        !IsMissing(field) && TryParseNumber(field, out double value) ? value : double.NaN;

    // [+-]? digits [. digits] [(e|E) [+-]? digits], with at least one digit before the exponent: the one syntax on which
    // both parsers agree by construction (csFastFloat also reads "inf" and "nan", which the framework does not).
    private static bool IsPlainDecimal(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            i++;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0)
            return false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
                i++;
            var exponentDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0)
                return false;
        }
        return i == s.Length;
    }

    // A Single has 24 significant bits; the midpoints between neighbours have 25, so as a double they end in a one
    // followed by 28 zeros. Subnormal and overflowing Singles have other midpoints: they are re-parsed too (rare).
    private static bool IsSingleMidpoint(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude < 1.1754943508222875E-38 || magnitude >= 3.4028234663852886E+38)
            return magnitude != 0 && double.IsFinite(value);
        var bits = BitConverter.DoubleToUInt64Bits(value) & 0x1FFF_FFFF;
        return bits == 0x1000_0000;
    }
}
