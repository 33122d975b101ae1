using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GitOpsOperator.Webhooks;

/// <summary>
/// Checks a push against the shared token, by the first of these headers present: GitHub's
/// X-Hub-Signature-256 and the generic X-Signature ("sha256=" + hex HMAC-SHA256 of the body keyed by the token),
/// GitLab's X-Gitlab-Token (the token itself). Every comparison takes the same time whatever the bytes differ in.
/// </summary>
public static class WebhookSignature
{
    public const string GitHubHeader = "X-Hub-Signature-256";
    public const string GitLabHeader = "X-Gitlab-Token";
    public const string GenericHeader = "X-Signature";

    private const string HmacPrefix = "sha256=";

    public static SignatureCheck Check(IHeaderDictionary headers, ReadOnlySpan<byte> body, ReadOnlySpan<byte> token)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.TryGetValue(GitHubHeader, out var gitHub))
        {
            return Verdict(Single(gitHub) is { } signature && HmacMatches(signature, body, token));
        }

        if (headers.TryGetValue(GitLabHeader, out var gitLab))
        {
            return Verdict(Single(gitLab) is { } presented && TokenMatches(presented, token));
        }

        if (headers.TryGetValue(GenericHeader, out var generic))
        {
            return Verdict(Single(generic) is { } signature && HmacMatches(signature, body, token));
        }

        return SignatureCheck.Missing;
    }

    private static SignatureCheck Verdict(bool matches) => matches ? SignatureCheck.Valid : SignatureCheck.Invalid;

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;

    private static bool HmacMatches(string signature, ReadOnlySpan<byte> body, ReadOnlySpan<byte> token)
    {
        if (!signature.StartsWith(HmacPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hex = signature.AsSpan(HmacPrefix.Length);
        if (hex.Length != presented.Length * 2
            || Convert.FromHexString(hex, presented, out _, out var written) != OperationStatus.Done
            || written != presented.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(token, body, expected);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    /// <summary>Compares digests, so neither the token's length nor its content shows in the time taken.</summary>
    public static bool TokenMatches(string presented, ReadOnlySpan<byte> token) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(token));
}
