namespace KubeEmulator.Security;

/// <summary>How a ServiceAccount appears as a user: system:serviceaccount:NS:NAME, in its fixed groups.</summary>
public static class ServiceAccountUser
{
    private const string Prefix = "system:serviceaccount:";

    /// <summary>Whether the user name is that ServiceAccount's, compared without building the name.</summary>
    public static bool Is(string userName, string ns, string name) =>
        userName.Length == Prefix.Length + ns.Length + 1 + name.Length
        && userName.StartsWith(Prefix, StringComparison.Ordinal)
        && string.CompareOrdinal(userName, Prefix.Length, ns, 0, ns.Length) == 0
        && userName[Prefix.Length + ns.Length] == ':'
        && userName.EndsWith(name, StringComparison.Ordinal);

    /// <summary>The groups every ServiceAccount of a namespace is in (system:authenticated is added by authentication).</summary>
    public static IReadOnlyList<string> Groups(string ns) => ["system:serviceaccounts", $"system:serviceaccounts:{ns}"];

    /// <summary>The namespace and name of a ServiceAccount user name; false for any other user.</summary>
    public static bool TrySplit(string userName, out string ns, out string name)
    {
        (ns, name) = ("", "");
        if (!userName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = userName[Prefix.Length..].Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        (ns, name) = (parts[0], parts[1]);
        return true;
    }
}
