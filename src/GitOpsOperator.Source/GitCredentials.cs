using System.Text;

namespace GitOpsOperator.Source;

/// <summary>
/// How to authenticate to a remote, built from a Secret's data. <see cref="ToString"/> never shows a secret value,
/// so an instance may safely end up in a log.
/// </summary>
public abstract record GitCredentials
{
    public static readonly GitCredentials None = new Anonymous();

    /// <summary>
    /// Reads the keys API.md names: <c>username</c>+<c>password</c> | <c>bearerToken</c> | <c>identity</c>+<c>known_hosts</c>.
    /// A Secret with none of them, or with half a pair, is an <see cref="FailureReason.AuthenticationFailed"/>.
    /// </summary>
    public static Result<GitCredentials> FromSecretData(string secretName, IReadOnlyDictionary<string, byte[]> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var username = Text(data, "username");
        var password = Text(data, "password");
        var token = Text(data, "bearerToken");
        data.TryGetValue("identity", out var identity);
        data.TryGetValue("known_hosts", out var knownHosts);

        if (username is not null || password is not null)
        {
            return username is not null && password is not null
                ? Result<GitCredentials>.Ok(new Basic(username, password))
                : Lacking(secretName, "needs both \"username\" and \"password\"");
        }

        if (token is not null)
        {
            return Result<GitCredentials>.Ok(new Bearer(token));
        }

        if (identity is { Length: > 0 } || knownHosts is { Length: > 0 })
        {
            return identity is { Length: > 0 } && knownHosts is { Length: > 0 }
                ? Result<GitCredentials>.Ok(new Ssh(identity, knownHosts))
                : Lacking(secretName, "needs both \"identity\" (a private key) and \"known_hosts\"");
        }

        return Lacking(secretName, "has none of the keys username+password, bearerToken or identity+known_hosts");
    }

    private static Result<GitCredentials> Lacking(string secretName, string what) =>
        Result<GitCredentials>.Fail(FailureReason.AuthenticationFailed, $"Secret {secretName} {what}");

    private static string? Text(IReadOnlyDictionary<string, byte[]> data, string key) =>
        data.TryGetValue(key, out var bytes) && bytes.Length > 0 ? Encoding.UTF8.GetString(bytes).TrimEnd('\n', '\r') : null;

    /// <summary>No credentials.</summary>
    public sealed record Anonymous : GitCredentials
    {
        public override string ToString() => "anonymous";
    }

    /// <summary>HTTP basic authentication.</summary>
    public sealed record Basic(string Username, string Password) : GitCredentials
    {
        public override string ToString() => "basic auth";
    }

    /// <summary>An HTTP bearer token.</summary>
    public sealed record Bearer(string Token) : GitCredentials
    {
        public override string ToString() => "bearer token";
    }

    /// <summary>An SSH private key and the known_hosts lines the server's host key must match.</summary>
    public sealed record Ssh(byte[] Identity, byte[] KnownHosts) : GitCredentials
    {
        public override string ToString() => "ssh key";
    }
}
