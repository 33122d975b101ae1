using System.Text.RegularExpressions;

namespace GitOpsOperator.Images;

/// <summary>
/// An image repository as a registry knows it: the registry host (with port) and the repository path. Docker Hub's
/// short forms are normalized as docker does: "nginx" is docker.io/library/nginx, served at registry-1.docker.io.
/// </summary>
public sealed partial record ImageReference(string Registry, string Repository)
{
    public const string DockerHub = "docker.io";

    private const string DockerHubEndpoint = "registry-1.docker.io";

    /// <summary>registry/repository, e.g. docker.io/library/nginx.</summary>
    public string CanonicalName => $"{Registry}/{Repository}";

    /// <summary>The host (and port) requests go to.</summary>
    public string Endpoint => Registry == DockerHub ? DockerHubEndpoint : Registry;

    /// <summary>Parses spec.image: a repository without tag or digest; otherwise an ImageURLInvalid naming why.</summary>
    public static ImageReference? TryParse(string image, out ScanFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(image);
        failure = null;
        var text = image.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            failure = Invalid(image, "write it without a scheme (registry.example.com/team/app)");
            return null;
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            failure = Invalid(image, "name the repository without a digest");
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : text[..slash];
        var isHost = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        var registry = isHost ? first.ToLowerInvariant() : DockerHub;
        var path = isHost ? text[(slash + 1)..] : text;
        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }

        if (path.Contains(':', StringComparison.Ordinal))
        {
            failure = Invalid(image, "name the repository without a tag (the policy chooses the tag)");
            return null;
        }

        if (registry == DockerHub && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        if (!RepositoryPath().IsMatch(path) || path.Length > 255 || (isHost && !RegistryHost().IsMatch(registry)))
        {
            failure = Invalid(image, "a repository is lower-case path components of letters, digits and . _ - separated by /");
            return null;
        }

        return new ImageReference(registry, path);
    }

    public override string ToString() => CanonicalName;

    private static ScanFailure Invalid(string image, string why) =>
        new(ScanFailureReason.ImageURLInvalid, $"\"{image}\" is not an image repository: {why}");

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex RegistryHost();
}
