using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsOperator.Images.Policies;

/// <summary>
/// Go's regular expressions as Flux policies write them, read by .NET: named groups <c>(?P&lt;name&gt;…)</c> and POSIX
/// classes <c>[[:digit:]]</c> are translated; the pattern is compiled without backtracking (linear in the tag's
/// length whatever the pattern), and a pattern that needs backtracking runs with a match timeout instead.
/// </summary>
public sealed partial class GoRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z", ["alpha"] = "A-Za-z", ["ascii"] = "\\x00-\\x7F", ["blank"] = "\\t ", ["digit"] = "0-9",
        ["lower"] = "a-z", ["upper"] = "A-Z", ["space"] = "\\t\\n\\v\\f\\r ", ["word"] = "0-9A-Za-z_", ["xdigit"] = "0-9A-Fa-f",
        ["punct"] = "!-/:-@\\[-`{-~", ["cntrl"] = "\\x00-\\x1F\\x7F", ["graph"] = "!-~", ["print"] = " -~",
    };

    private GoRegex(Regex regex) => Regex = regex;

    public Regex Regex { get; }

    /// <summary>The compiled pattern, or null with the reason it is not a usable Go regular expression.</summary>
    public static GoRegex? TryCompile(string pattern, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        problem = null;
        var translated = Translate(pattern);
        try
        {
            return new GoRegex(new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (NotSupportedException)
        {
            return CompileBacktracking(translated, out problem);
        }
        catch (ArgumentException error)
        {
            problem = error.Message;
            return null;
        }
    }

    /// <summary>The match, or null; a pattern that runs past the timeout is reported through <paramref name="timedOut"/>.</summary>
    public Match? Match(string input, out bool timedOut)
    {
        timedOut = false;
        try
        {
            var match = Regex.Match(input);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
            return null;
        }
    }

    /// <summary>
    /// Go's Regexp.Expand: <c>$name</c> (the longest run of letters, digits and underscores), <c>${name}</c>,
    /// <c>$1</c>; <c>$$</c> is a dollar sign; a group that does not exist expands to nothing.
    /// </summary>
    public static string Expand(string template, Match match)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(match);
        var result = new StringBuilder();
        var position = 0;
        while (position < template.Length)
        {
            var dollar = template.IndexOf('$', position);
            if (dollar < 0 || dollar == template.Length - 1)
            {
                result.Append(template, position, template.Length - position);
                break;
            }

            result.Append(template, position, dollar - position);
            if (template[dollar + 1] == '$')
            {
                result.Append('$');
                position = dollar + 2;
                continue;
            }

            var braced = template[dollar + 1] == '{';
            var start = dollar + (braced ? 2 : 1);
            var end = start;
            while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_'))
            {
                end++;
            }

            if (end == start || (braced && (end >= template.Length || template[end] != '}')))
            {
                result.Append('$');
                position = dollar + 1;
                continue;
            }

            var name = template[start..end];
            var group = int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? match.Groups[number]
                : match.Groups[name];
            result.Append(group.Success ? group.Value : "");
            position = braced ? end + 1 : end;
        }

        return result.ToString();
    }

    private static GoRegex? CompileBacktracking(string translated, out string? problem)
    {
        problem = null;
        try
        {
            return new GoRegex(new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (ArgumentException error)
        {
            problem = error.Message;
            return null;
        }
    }

    private static string Translate(string pattern)
    {
        var named = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        return PosixClass().Replace(named, match =>
            PosixClasses.TryGetValue(match.Groups["name"].Value, out var range) ? range : match.Value);
    }

    [GeneratedRegex(@"\[:(?<name>[a-z]+):\]")]
    private static partial Regex PosixClass();
}
