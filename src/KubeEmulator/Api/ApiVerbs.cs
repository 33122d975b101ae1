namespace KubeEmulator.Api;

/// <summary>The verbs discovery advertises, as the real server lists them.</summary>
public static class ApiVerbs
{
    public static IReadOnlyList<string> Resource { get; } = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>The reviews and the token subresource: only ever created.</summary>
    public static IReadOnlyList<string> CreateOnly { get; } = ["create"];

    public static IReadOnlyList<string> Status { get; } = ["get", "patch", "update"];

    public static IReadOnlyList<string> Scale { get; } = ["get", "patch", "update"];
}
