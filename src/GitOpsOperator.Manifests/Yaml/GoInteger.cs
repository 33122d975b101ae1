namespace GitOpsOperator.Manifests.Yaml;

/// <summary>
/// Go's <c>strconv.ParseInt(s, 0, 64)</c> falling back to <c>ParseUint(s, 0, 64)</c>: optional sign (ParseInt only),
/// then 0x/0o/0b prefixes or a leading 0 for octal, else decimal.
/// </summary>
internal readonly record struct GoInteger(bool Fits64, long Signed, ulong Unsigned)
{
    public static bool TryParse(string text, out GoInteger result)
    {
        result = default;
        var negative = text.StartsWith('-');
        var signed = negative || text.StartsWith('+');
        var body = signed ? text[1..] : text;
        if (!TryMagnitude(body, out var magnitude))
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > 9223372036854775808UL)
            {
                return false;
            }

            result = new GoInteger(true, magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude, 0);
            return true;
        }

        if (magnitude <= long.MaxValue)
        {
            result = new GoInteger(true, (long)magnitude, 0);
            return true;
        }

        // ParseUint accepts no sign, so "+18446744073709551615" is not an unsigned integer.
        result = new GoInteger(false, 0, magnitude);
        return !signed;
    }

    private static bool TryMagnitude(string body, out ulong magnitude)
    {
        magnitude = 0;
        var (radix, digits) = body switch
        {
            _ when body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (16, body[2..]),
            _ when body.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (8, body[2..]),
            _ when body.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (2, body[2..]),
            _ when body.Length > 1 && body[0] == '0' => (8, body[1..]),
            _ => (10, body),
        };
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }

            var shifted = magnitude * (ulong)radix;
            if (shifted / (ulong)radix != magnitude || shifted > ulong.MaxValue - (ulong)digit)
            {
                return false;
            }

            magnitude = shifted + (ulong)digit;
        }

        return true;
    }
}
