using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Yaml;

internal static class JsonNumbers
{
    private const double TwoToThe63 = 9223372036854775808d;

    /// <summary>
    /// A float64 as kubectl round-trips it: Go prints a whole float below 1e21 without exponent, and the
    /// unstructured decoder then reads it back as int64 when it fits. Null for infinities and NaN.
    /// </summary>
    public static JsonValue? FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        var whole = Math.Floor(value) == value && value >= -TwoToThe63 && value < TwoToThe63;
        return whole ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }
}
