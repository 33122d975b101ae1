using System.Text.RegularExpressions;

namespace GitOpsOperator.Source.Remote;

/// <summary>Turns what a failed git process said into a reason of API.md and a message a person can act on.</summary>
internal static partial class GitErrors
{
    private static readonly string[] AuthenticationSigns =
    [
        "Authentication failed", "could not read Username", "could not read Password", "terminal prompts disabled",
        "returned error: 401", "returned error: 403", "Permission denied", "Host key verification failed",
        "REMOTE HOST IDENTIFICATION HAS CHANGED", "No ED25519 host key", "No RSA host key", "No ECDSA host key",
        "invalid format", "error in libcrypto",
    ];

    private static readonly string[] MissingRepositorySigns =
    [
        "does not appear to be a git repository", "Repository not found", "returned error: 404", "not found",
    ];

    /// <summary>The failure of <paramref name="operation"/> (e.g. "listing refs") against <paramref name="url"/>.</summary>
    public static SourceFailure Describe(string operation, GitUrl url, GitProcessResult result, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(result);
        if (result.TimedOut)
        {
            return new SourceFailure(
                FailureReason.ArtifactFailed,
                $"{operation} {url} timed out after {timeout.TotalSeconds:0.#}s: the server did not answer in time (spec.timeout)");
        }

        var said = Summary(result.Error);
        if (AuthenticationSigns.Any(sign => result.Error.Contains(sign, StringComparison.OrdinalIgnoreCase)))
        {
            return new SourceFailure(
                FailureReason.AuthenticationFailed,
                $"{operation} {url} was refused: {said}; check the credentials (and for ssh the known_hosts) in spec.secretRef");
        }

        var hint = MissingRepositorySigns.Any(sign => result.Error.Contains(sign, StringComparison.OrdinalIgnoreCase))
            ? "; check spec.url"
            : string.Empty;
        return new SourceFailure(FailureReason.ArtifactFailed, $"{operation} {url} failed: {said}{hint}");
    }

    private static string Summary(string error)
    {
        var said = error.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !Noise().IsMatch(line))
            .Select(line => line.StartsWith("fatal: ", StringComparison.Ordinal) ? line["fatal: ".Length..] : line)
            .Distinct(StringComparer.Ordinal)
            .TakeLast(3)
            .ToList();
        return said.Count == 0 ? "git gave no reason" : string.Join("; ", said);
    }

    [GeneratedRegex("^(hint:|Warning: Permanently added|(remote: )?(Enumerating|Counting|Compressing|Receiving|Resolving|Unpacking|Total|Writing) )")]
    private static partial Regex Noise();
}
