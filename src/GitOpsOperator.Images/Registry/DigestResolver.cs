using System.Security.Cryptography;

namespace GitOpsOperator.Images.Registry;

/// <summary>
/// The digest a tag points at, by <c>HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> with every manifest type in Accept,
/// index types first: a multi-platform image is named by its index digest, never by the one platform's manifest a
/// registry would otherwise substitute. A registry that omits Docker-Content-Digest is asked with GET and the
/// manifest's bytes are hashed.
/// </summary>
public sealed class DigestResolver(RegistryHttp http)
{
    public static readonly IReadOnlyList<string> ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private const string DigestHeader = "Docker-Content-Digest";
    private const int MaxManifestBytes = 4 * 1024 * 1024;

    public Task<RegistryResult<string>> ResolveAsync(RegistryTarget target, string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(tag);
        var manifest = new Uri(target.BaseAddress, $"manifests/{Uri.EscapeDataString(tag)}");
        var missing = $"manifest {target.Image.Repository}:{tag}";
        return RegistryCall.RunAsync(target, token => HeadThenGetAsync(target, manifest, missing, token), cancellationToken);
    }

    private async Task<RegistryResult<string>> HeadThenGetAsync(RegistryTarget target, Uri manifest, string missing, CancellationToken cancellationToken)
    {
        var head = await http.SendAsync(target, HttpMethod.Head, manifest, ManifestTypes, missing, cancellationToken).ConfigureAwait(false);
        if (head.Failure is { } failure)
        {
            return failure;
        }

        using (var response = head.Value!)
        {
            if (Digest(response) is { } digest)
            {
                return RegistryResult<string>.Ok(digest);
            }
        }

        var get = await http.SendAsync(target, HttpMethod.Get, manifest, ManifestTypes, missing, cancellationToken).ConfigureAwait(false);
        if (get.Failure is { } getFailure)
        {
            return getFailure;
        }

        using var body = get.Value!;
        var bytes = await BoundedBody.ReadAsync(body, MaxManifestBytes, cancellationToken).ConfigureAwait(false);
        return bytes is null
            ? new ScanFailure(ScanFailureReason.RegistryUnavailable, $"registry {target.Image.Endpoint} sent a manifest larger than {MaxManifestBytes} bytes")
            : RegistryResult<string>.Ok("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static string? Digest(HttpResponseMessage response) =>
        response.Headers.TryGetValues(DigestHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } digest ? digest : null;
}
