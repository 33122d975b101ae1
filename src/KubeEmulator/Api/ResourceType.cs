namespace KubeEmulator.Api;

/// <summary>One servable resource: a row of the built-in table, or one served version of a CRD.</summary>
/// <param name="Scale">Where the scale subresource reads and writes replicas; null when the kind has none.</param>
/// <param name="Verbs">The verbs the resource answers; null for all of <see cref="ApiVerbs.Resource"/>.</param>
/// <param name="ModelType">The KubernetesClient model type (e.g. <c>V1Deployment</c>) for built-in kinds; null for custom resources.</param>
/// <param name="HasToken">Serves the token subresource (TokenRequest), as serviceaccounts do.</param>
public sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    bool Namespaced,
    bool HasStatus,
    Type? ModelType = null,
    IReadOnlyList<string>? Categories = null,
    ScaleSubresource? Scale = null,
    IReadOnlyList<string>? Verbs = null,
    bool HasToken = false)
{
    public IReadOnlyList<string> ServedVerbs => Verbs ?? ApiVerbs.Resource;

    /// <summary>Create-only resources (the authentication and access reviews) are answered, never stored, listed or read back.</summary>
    public bool IsCreateOnly => Verbs is ["create"];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The resource's "plural.group" name as used in error messages ("deployments.apps").</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The kind's "Kind.group" name as used in Invalid messages ("Deployment.apps").</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}
