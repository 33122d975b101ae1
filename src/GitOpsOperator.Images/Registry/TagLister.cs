using System.Text.RegularExpressions;

namespace GitOpsOperator.Images.Registry;

/// <summary>
/// Lists a repository's tags through <c>GET /v2/&lt;name&gt;/tags/list?n=…</c>, following the <c>Link: &lt;…&gt;;
/// rel="next"</c> header (relative links resolved against the page's URL) until the last page or the tag limit. Pages
/// are read as they stream in; nothing beyond the limit is kept.
/// </summary>
public sealed partial class TagLister(RegistryHttp http)
{
    public const int PageSize = 1000;

    private static readonly string[] JsonAccept = ["application/json"];

    public Task<RegistryResult<TagListing>> ListAsync(RegistryTarget target, int maxTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTags, 1);
        return RegistryCall.RunAsync(target, token => ListPagesAsync(target, maxTags, token), cancellationToken);
    }

    private async Task<RegistryResult<TagListing>> ListPagesAsync(RegistryTarget target, int maxTags, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? page = new(target.BaseAddress, $"tags/list?n={PageSize}");
        var requests = 0;
        var truncated = false;
        while (page is not null && !truncated)
        {
            requests++;
            var sent = await http.SendAsync(target, HttpMethod.Get, page, JsonAccept, $"repository {target.Image.Repository}", cancellationToken).ConfigureAwait(false);
            if (sent.Failure is { } failure)
            {
                return failure;
            }

            using var response = sent.Value!;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var wellFormed = await TagPageReader.ReadAsync(stream, tag =>
                {
                    if (seen.Add(tag))
                    {
                        tags.Add(tag);
                    }

                    truncated = tags.Count >= maxTags;
                    return !truncated;
                }, cancellationToken).ConfigureAwait(false);
                if (!wellFormed)
                {
                    return new ScanFailure(ScanFailureReason.RegistryUnavailable, $"registry {target.Image.Endpoint} sent a tag list that is not JSON");
                }
            }

            var next = NextPage(response, page);
            if (next is not null && next.Authority != page.Authority)
            {
                return new ScanFailure(ScanFailureReason.RegistryUnavailable, $"registry {target.Image.Endpoint} links the next tag page to another host");
            }

            page = next == page ? null : next;
        }

        return RegistryResult<TagListing>.Ok(new TagListing(tags, truncated, requests));
    }

    /// <summary>The rel="next" target of the Link header, resolved against the current page; null on the last page.</summary>
    private static Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(value => value.Split(',')))
        {
            var match = NextLink().Match(link);
            if (match.Success && Uri.TryCreate(current, match.Groups["target"].Value, out var next))
            {
                return next;
            }
        }

        return null;
    }

    [GeneratedRegex("""^\s*<(?<target>[^>]*)>\s*;(?:[^;]*;)*\s*rel\s*=\s*"?next"?\s*(?:;.*)?$""", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NextLink();
}
