namespace KubeEmulator.Http;

/// <summary>What representation the client asked for in its Accept header.</summary>
internal static class AcceptHeader
{
    public const string AggregatedDiscovery = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static bool WantsTable(string? accept) => Contains(accept, "as=Table");

    public static bool WantsAggregatedDiscovery(string? accept) =>
        accept is not null && accept.Split(',').Any(a => Normalize(a) == Normalize(AggregatedDiscovery));

    private static string Normalize(string mediaType) => string.Concat(mediaType.Where(c => !char.IsWhiteSpace(c)));

    private static bool Contains(string? accept, string parameter) =>
        accept is not null && accept.Split(',').Select(Normalize).Any(a => a.Split(';').Contains(parameter, StringComparer.Ordinal)
            && !a.Split(';').Contains("v=v1beta1", StringComparer.Ordinal));
}
