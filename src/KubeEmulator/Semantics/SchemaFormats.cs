using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeEmulator.Semantics;

/// <summary>The string formats checked (loosely, as kube-openapi's strfmt does); unknown formats pass.</summary>
internal static partial class SchemaFormats
{
    public static bool IsValid(string format, string value) => format switch
    {
        "date-time" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && DateTimeShape().IsMatch(value),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "duration" => Duration().IsMatch(value),
        _ => true,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\z")]
    private static partial Regex DateTimeShape();

    [GeneratedRegex(@"^[-+]?((\d+(\.\d*)?|\.\d+)\s*(ns|us|µs|ms|s|m|h|d|w))+\z|^0\z")]
    private static partial Regex Duration();
}
