namespace GitOpsOperator.Manifests.Validation;

/// <summary>The API server's name rules (<see cref="Machinery.Names.NameRules"/>) worded as the reader reports them.</summary>
internal static class NameRules
{
    /// <summary>Null when <paramref name="name"/> is valid for the kind, else why not.</summary>
    public static string? CheckName(string group, string kind, string name) =>
        Explain(name, Machinery.Names.NameRules.ForKind(group, kind)(name));

    /// <summary>Null when <paramref name="name"/> is a valid DNS-1123 label (a namespace), else why not.</summary>
    public static string? CheckLabel(string name) => Explain(name, Machinery.Names.NameRules.IsDns1123Label(name));

    private static string? Explain(string name, IReadOnlyList<string> problems) =>
        problems.Count == 0 ? null : $"invalid name \"{name}\": {string.Join("; ", problems)}";
}
