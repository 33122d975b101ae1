using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsOperator.Source.Remote;

/// <summary>A validated remote URL and the key that identifies its repository in the cache.</summary>
/// <param name="Value">The URL as git is given it.</param>
/// <param name="CacheKey">The URL normalized (scheme and host lower-cased, no user, no trailing <c>/</c> or <c>.git</c>),
/// so spellings of one repository share one cache.</param>
public sealed partial record GitUrl(string Value, GitTransport Transport, string CacheKey)
{
    private static readonly Dictionary<string, GitTransport> Schemes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["file"] = GitTransport.File,
        ["git"] = GitTransport.Git,
        ["http"] = GitTransport.Http,
        ["https"] = GitTransport.Http,
        ["ssh"] = GitTransport.Ssh,
    };

    /// <summary>Parses an URL of a form API.md allows, or fails with <see cref="FailureReason.InvalidSpec"/>.</summary>
    public static Result<GitUrl> Parse(string? url)
    {
        var value = url?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return Invalid("spec.url is empty");
        }

        if (value.StartsWith('-') || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return Invalid($"spec.url \"{Printable(Redact(value))}\" is not a git URL (it starts with '-' or contains spaces)");
        }

        if (!value.Contains("://", StringComparison.Ordinal))
        {
            var scp = ScpLike().Match(value);
            return scp.Success
                ? Result<GitUrl>.Ok(new GitUrl(value, GitTransport.Ssh, ScpKey(scp.Groups["host"].Value, scp.Groups["path"].Value)))
                : Invalid($"spec.url \"{value}\" is neither scheme://host/path nor user@host:path");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return Invalid($"spec.url \"{Redact(value)}\" is malformed");
        }

        if (!Schemes.TryGetValue(uri.Scheme, out var transport))
        {
            return Invalid($"spec.url scheme \"{uri.Scheme}\" is not supported; use https, http, ssh, git or file");
        }

        if (transport != GitTransport.File && uri.Host.Length == 0)
        {
            return Invalid($"spec.url \"{Redact(value)}\" names no host");
        }

        if (uri.UserInfo.Contains(':', StringComparison.Ordinal) || (transport == GitTransport.Http && uri.UserInfo.Length > 0))
        {
            return Invalid("spec.url carries credentials; put them in the Secret named by spec.secretRef instead");
        }

        return Result<GitUrl>.Ok(new GitUrl(value, transport, UriKey(uri)));
    }

    /// <summary>A short, file-system-safe and collision-free name for this repository's cache directory.</summary>
    public string CacheDirectoryName()
    {
        var readable = Unsafe().Replace(CacheKey[(CacheKey.IndexOf("://", StringComparison.Ordinal) + 3)..], "_");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CacheKey)))[..16];
        return $"{readable[..Math.Min(readable.Length, 60)]}-{hash}";
    }

    public override string ToString() => Value;

    private static string UriKey(Uri uri)
    {
        var port = uri.IsDefaultPort || uri.Port < 0 ? string.Empty : $":{uri.Port}";
        var scheme = uri.Scheme.ToLowerInvariant() == "https" ? "http" : uri.Scheme.ToLowerInvariant();
        return $"{scheme}://{uri.Host.ToLowerInvariant()}{port}/{TrimPath(uri.AbsolutePath.TrimStart('/'))}";
    }

    private static string ScpKey(string host, string path) =>
        $"ssh://{host.ToLowerInvariant()}/{(path.StartsWith('/') ? TrimPath(path[1..]) : "~/" + TrimPath(path))}";

    private static string TrimPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.EndsWith(".git", StringComparison.Ordinal) ? trimmed[..^4] : trimmed;
    }

    /// <summary>The URL without any user information, as it may be shown in logs and messages.</summary>
    internal static string Redact(string value) => UserInfo().Replace(value, string.Empty);

    private static string Printable(string value) => new(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static Result<GitUrl> Invalid(string message) => Result<GitUrl>.Fail(FailureReason.InvalidSpec, message);

    [GeneratedRegex(@"^(?:[^@/:]+@)?(?<host>[^@/:]+):(?<path>[^:].*)$")]
    private static partial Regex ScpLike();

    [GeneratedRegex("(?<=://)[^/@]*@")]
    private static partial Regex UserInfo();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();
}
