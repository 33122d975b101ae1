using System.Text.RegularExpressions;

namespace GitOpsOperator.Machinery.Names;

/// <summary>
/// apimachinery's util/validation checks, returning its exact messages (empty when valid): the API server's rules,
/// used by KubeEmulator to refuse what a real server refuses and by the manifest reader to refuse it before any request.
/// </summary>
public static partial class NameRules
{
    private const string Dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFmt = Dns1123LabelFmt + "(\\." + Dns1123LabelFmt + ")*";
    private const string Dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string QualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFmt = "(" + QualifiedNameFmt + ")?";
    private const string ConfigMapKeyFmt = "[-._a-zA-Z0-9]+";

    private const string Dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1035LabelErrMsg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    private const string QualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string ConfigMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

    private const int Dns1123LabelMaxLength = 63;
    private const int Dns1123SubdomainMaxLength = 253;
    private const int QualifiedNameMaxLength = 63;

    /// <summary>The check the API server applies to metadata.name of a kind: a DNS-1123 subdomain unless the kind says otherwise.</summary>
    public static Func<string, IReadOnlyList<string>> ForKind(string group, string kind) => (group, kind) switch
    {
        ("", "Namespace") => IsDns1123Label,
        ("", "Service") => IsDns1035Label,
        ("rbac.authorization.k8s.io", _) => IsValidPathSegmentName,
        _ => IsDns1123Subdomain,
    };

    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errs.Add(MaxLenError(Dns1123LabelMaxLength));
        }
        if (!Dns1123Label().IsMatch(value))
        {
            errs.Add(RegexError(Dns1123LabelErrMsg, Dns1123LabelFmt, "my-name", "123-abc"));
        }
        return errs;
    }

    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errs.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!Dns1123Subdomain().IsMatch(value))
        {
            errs.Add(RegexError(Dns1123SubdomainErrMsg, Dns1123SubdomainFmt, "example.com"));
        }
        return errs;
    }

    public static IReadOnlyList<string> IsDns1035Label(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errs.Add(MaxLenError(Dns1123LabelMaxLength));
        }
        if (!Dns1035Label().IsMatch(value))
        {
            errs.Add(RegexError(Dns1035LabelErrMsg, Dns1035LabelFmt, "my-name", "abc-123"));
        }
        return errs;
    }

    /// <summary>Names of RBAC objects and the like: anything usable as a URL path segment.</summary>
    public static IReadOnlyList<string> IsValidPathSegmentName(string value)
    {
        if (value is "." or "..")
        {
            return [$"may not be '{value}'"];
        }
        var errs = new List<string>();
        foreach (var illegal in new[] { "/", "%" })
        {
            if (value.Contains(illegal, StringComparison.Ordinal))
            {
                errs.Add($"may not contain '{illegal}'");
            }
        }
        return errs;
    }

    /// <summary>Label and annotation keys: an optional DNS subdomain prefix and '/', then a name part.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        var errs = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errs.Add("prefix part must be non-empty");
                }
                else
                {
                    errs.AddRange(IsDns1123Subdomain(parts[0]).Select(m => "prefix part " + m));
                }
                break;
            default:
                return ["a qualified name " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }
        if (name.Length == 0)
        {
            errs.Add("name part must be non-empty");
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            errs.Add("name part " + MaxLenError(QualifiedNameMaxLength));
        }
        if (!QualifiedName().IsMatch(name))
        {
            errs.Add("name part " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    public static IReadOnlyList<string> IsValidLabelValue(string value)
    {
        var errs = new List<string>();
        if (value.Length > QualifiedNameMaxLength)
        {
            errs.Add(MaxLenError(QualifiedNameMaxLength));
        }
        if (!LabelValue().IsMatch(value))
        {
            errs.Add(RegexError(LabelValueErrMsg, LabelValueFmt, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    public static IReadOnlyList<string> IsConfigMapKey(string value)
    {
        var errs = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errs.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!ConfigMapKey().IsMatch(value))
        {
            errs.Add(RegexError(ConfigMapKeyErrMsg, ConfigMapKeyFmt, "key.name", "KEY_NAME", "key-name"));
        }
        if (value is "." or "..")
        {
            errs.Add($"must not be '{value}'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errs.Add("must not start with '..'");
        }
        return errs;
    }

    public static string MaxLenError(int length) => $"must be no more than {length} characters";

    /// <summary>Keeps apimachinery's quirk: every example ends with ", " so two examples print as "'a',  or 'b', ".</summary>
    private static string RegexError(string msg, string fmt, params string[] examples) =>
        $"{msg} (e.g. {string.Join(" or ", examples.Select(e => $"'{e}', "))}regex used for validation is '{fmt}')";

    [GeneratedRegex("^" + Dns1123LabelFmt + "\\z")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^" + Dns1123SubdomainFmt + "\\z")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^" + Dns1035LabelFmt + "\\z")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^" + QualifiedNameFmt + "\\z")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^" + LabelValueFmt + "\\z")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^" + ConfigMapKeyFmt + "\\z")]
    private static partial Regex ConfigMapKey();
}
