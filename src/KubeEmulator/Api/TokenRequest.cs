namespace KubeEmulator.Api;

/// <summary>The kind the serviceaccounts/token subresource takes and answers (authentication.k8s.io/v1 TokenRequest).</summary>
public static class TokenRequest
{
    public const string Group = "authentication.k8s.io";
    public const string Version = "v1";
    public const string Kind = "TokenRequest";
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>As the real server: a token lives an hour unless asked otherwise, and at least ten minutes.</summary>
    public const long DefaultExpirationSeconds = 3600;

    public const long MinExpirationSeconds = 600;

    /// <summary>The real server's upper bound, 2^32 seconds.</summary>
    public const long MaxExpirationSeconds = 1L << 32;
}
