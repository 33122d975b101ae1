namespace KubeEmulator.Introspection;

/// <summary>
/// Which requests misbehave and how. Verb, Resource and Name narrow the match (null matches anything); Times limits
/// how many requests are hit (null: all); Probability (with Seed, for repeatable runs) hits only some.
/// </summary>
public sealed record FaultRule
{
    public string? Verb { get; init; }

    /// <summary>The resource plural, or "plural/status" for the status subresource.</summary>
    public string? Resource { get; init; }

    public string? Name { get; init; }

    public FaultAction Action { get; init; } = FaultAction.Fail;

    /// <summary>500, 503, 429 (with <see cref="RetryAfter"/>) or any other error code, for <see cref="FaultAction.Fail"/>.</summary>
    public int StatusCode { get; init; } = 500;

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The Status message of a 403 (see <see cref="Forbidden"/>).</summary>
    public string? Message { get; init; }

    public TimeSpan Delay { get; init; }

    public int? Times { get; init; }

    public double Probability { get; init; } = 1.0;

    public int Seed { get; init; }

    public static FaultRule Fail(int statusCode, string? verb = null, string? resource = null, string? name = null) =>
        new() { Action = FaultAction.Fail, StatusCode = statusCode, Verb = verb, Resource = resource, Name = name };

    /// <summary>
    /// Refuses the verb on the resource (in the namespace, or cluster-wide when null) to the user with the real server's
    /// Forbidden wording, as RBAC would; the rule matches every namespace, so scope it by what the test requests.
    /// </summary>
    public static FaultRule Forbidden(string user, string verb, string resource, string group, string? namespaceName) => new()
    {
        Action = FaultAction.Fail,
        StatusCode = 403,
        Verb = verb,
        Resource = resource,
        Message = $"{(group.Length == 0 ? resource : $"{resource}.{group}")} is forbidden: User \"{user}\" cannot {verb} resource \"{resource}\" in API group \"{group}\""
            + (namespaceName is null ? " at the cluster scope" : $" in the namespace \"{namespaceName}\""),
    };

    public static FaultRule Slow(TimeSpan delay, string? verb = null, string? resource = null, string? name = null) =>
        new() { Action = FaultAction.Delay, Delay = delay, Verb = verb, Resource = resource, Name = name };

    public static FaultRule DropConnection(string? verb = null, string? resource = null, string? name = null) =>
        new() { Action = FaultAction.Drop, Verb = verb, Resource = resource, Name = name };
}
