namespace GitOpsOperator.Manifests;

/// <summary>An API type as an object names it: group ("" for core), version and kind.</summary>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    /// <summary>Splits an apiVersion ("apps/v1" or "v1") and pairs it with a kind.</summary>
    public static GroupVersionKind FromApiVersion(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new GroupVersionKind("", apiVersion, kind)
            : new GroupVersionKind(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public override string ToString() => $"{ApiVersion} {Kind}";
}
