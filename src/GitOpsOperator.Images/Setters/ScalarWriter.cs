using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GitOpsOperator.Manifests.Yaml;
using YamlDotNet.Core;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// Writes a new value in the style of the scalar it replaces: single and double quotes are kept (escaped as each
/// style requires). A plain value stays plain when it reads back as the same string (go-yaml's typing, as manifests
/// are read); otherwise it is double-quoted, so a tag like 1.10 never turns into the number 1.1.
/// </summary>
internal static partial class ScalarWriter
{
    public static string Write(string value, ScalarStyle style, bool tagged) => style switch
    {
        ScalarStyle.SingleQuoted when !value.Any(char.IsControl) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'",
        ScalarStyle.Plain when IsSafePlain(value, tagged) => value,
        _ => DoubleQuoted(value),
    };

    private static bool IsSafePlain(string value, bool tagged) =>
        PlainText().IsMatch(value)
        && !value.EndsWith(':')
        && (tagged || ScalarResolver.Resolve(value, "", plain: true).Kind == ScalarKind.String);

    private static string DoubleQuoted(string value)
    {
        var quoted = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    // Image references, tags and digests; anything else (blanks, indicators, '#') is quoted rather than reasoned about.
    [GeneratedRegex("^[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*$")]
    private static partial Regex PlainText();
}
