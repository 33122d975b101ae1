using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GitOpsOperator.Images;

/// <summary>
/// What an ImageRepository presents to its registry: nothing, or a username and password (sent as Basic, or to a
/// Bearer token service). Read from a kubernetes.io/dockerconfigjson Secret (the entry for the registry host) or
/// from a Secret with the keys username and password. The values never appear in ToString, logs or messages.
/// </summary>
public sealed class RegistryCredentials
{
    public const string DockerConfigJsonKey = ".dockerconfigjson";
    public const string UsernameKey = "username";
    public const string PasswordKey = "password";

    public static readonly RegistryCredentials Anonymous = new(null, null);

    private RegistryCredentials(string? username, string? password)
    {
        Username = username;
        Password = password;
        Identity = username is null ? "anonymous" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{username}\n{password}")));
    }

    public string? Username { get; }

    public string? Password { get; }

    public bool IsAnonymous => Username is null;

    /// <summary>A digest of the credentials: scans and tokens are shared only between equal credentials.</summary>
    public string Identity { get; }

    public static RegistryCredentials Basic(string username, string password) => new(username, password);

    /// <summary>
    /// The credentials a Secret holds for <paramref name="image"/>'s registry; <paramref name="secretName"/> names it in
    /// messages. A Secret without usable keys, or a docker config without an entry for the host, is AuthenticationFailed.
    /// </summary>
    public static RegistryCredentials? FromSecretData(
        IReadOnlyDictionary<string, byte[]> data, ImageReference image, string secretName, out ScanFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(image);
        failure = null;
        if (data.TryGetValue(DockerConfigJsonKey, out var config))
        {
            return FromDockerConfig(config, image, secretName, out failure);
        }

        if (data.TryGetValue(UsernameKey, out var user) && data.TryGetValue(PasswordKey, out var password) && user.Length > 0)
        {
            return Basic(Encoding.UTF8.GetString(user), Encoding.UTF8.GetString(password));
        }

        failure = new(ScanFailureReason.AuthenticationFailed,
            $"Secret {secretName} has neither the key {DockerConfigJsonKey} nor the keys {UsernameKey} and {PasswordKey}");
        return null;
    }

    public override string ToString() => IsAnonymous ? "anonymous" : $"user {Username}";

    private static RegistryCredentials? FromDockerConfig(byte[] config, ImageReference image, string secretName, out ScanFailure? failure)
    {
        failure = null;
        try
        {
            using var document = JsonDocument.Parse(config);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in auths.EnumerateObject())
                {
                    if (HostOf(entry.Name) is { } host && SameRegistry(host, image.Registry) && FromEntry(entry.Value) is { } found)
                    {
                        return found;
                    }
                }
            }
        }
        catch (JsonException)
        {
            failure = new(ScanFailureReason.AuthenticationFailed, $"Secret {secretName}: {DockerConfigJsonKey} is not JSON");
            return null;
        }
        catch (FormatException)
        {
            failure = new(ScanFailureReason.AuthenticationFailed, $"Secret {secretName}: an \"auth\" entry is not base64 of username:password");
            return null;
        }

        failure = new(ScanFailureReason.AuthenticationFailed, $"Secret {secretName} has no credentials for registry {image.Registry} in {DockerConfigJsonKey}");
        return null;
    }

    private static RegistryCredentials? FromEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (entry.TryGetProperty("auth", out var auth) && auth.GetString() is { Length: > 0 } encoded)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? Basic(pair[..colon], pair[(colon + 1)..]) : throw new FormatException();
        }

        return entry.TryGetProperty("username", out var user) && user.GetString() is { Length: > 0 } username
            && entry.TryGetProperty("password", out var password)
            ? Basic(username, password.GetString() ?? "")
            : null;
    }

    /// <summary>The host of a docker config key, which may be a bare host or a URL ("https://index.docker.io/v1/").</summary>
    private static string? HostOf(string key)
    {
        var text = key.Contains("://", StringComparison.Ordinal) ? key : "https://" + key;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.Authority.ToLowerInvariant() : null;
    }

    private static bool SameRegistry(string host, string registry) =>
        host == registry || (registry == ImageReference.DockerHub && host is "index.docker.io" or "registry-1.docker.io");
}
