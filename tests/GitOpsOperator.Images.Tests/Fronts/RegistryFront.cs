using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOpsOperator.Images.Tests.Fronts;

/// <summary>
/// A small registry front on 127.0.0.1 for what Debian's distribution 2.8 does not do: it pages tag lists by
/// <c>n</c> and <c>last</c> with relative <c>Link</c> headers (distribution 2.8 ignores both and sends every tag
/// at once), asks for a Bearer token from its own realm, and answers 429 with Retry-After on demand. It serves
/// /v2/&lt;name&gt;/tags/list, HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt; and /token; every request is counted.
/// </summary>
public sealed class RegistryFront : IAsyncDisposable
{
    public const string Username = "front-user";
    public const string Password = "front-pass";

    private readonly WebApplication app;
    private int tokenSerial;

    private RegistryFront(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>host:port, for an image name such as 127.0.0.1:PORT/team/app.</summary>
    public string Address { get; }

    /// <summary>Tags by repository, in the order the front lists them.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<string>> Repositories { get; } = new();

    /// <summary>True: the front asks for a Bearer token from /token (Basic credentials required there).</summary>
    public bool RequireToken { get; set; }

    /// <summary>When set, every /v2 request is answered 429 with this Retry-After.</summary>
    public TimeSpan? RateLimitFor { get; set; }

    /// <summary>False: every tag in one page whatever n says, as distribution 2.8 does.</summary>
    public bool HonourPageSize { get; set; } = true;

    /// <summary>Page size when the client names no n.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>How long issued tokens live (expires_in).</summary>
    public int TokenLifetimeSeconds { get; set; } = 300;

    public ConcurrentQueue<string> Requests { get; } = new();

    public int CountOf(string pathPrefix) => Requests.Count(request => request.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static async Task<RegistryFront> StartAsync()
    {
        RegistryFront? front = null;
        var (app, port) = await LoopbackWebServer.StartAsync(context => front!.HandleAsync(context));
        front = new RegistryFront(app, $"127.0.0.1:{port}");
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue($"{context.Request.Method} {path}{context.Request.QueryString}");
        if (path == "/token")
        {
            await IssueTokenAsync(context);
            return;
        }

        if (RateLimitFor is { } wait)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        if (RequireToken && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer front-token-", StringComparison.Ordinal))
        {
            var repository = path.StartsWith("/v2/", StringComparison.Ordinal) ? RepositoryOf(path) : "";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate =
                $"Bearer realm=\"http://{Address}/token\",service=\"front\",scope=\"repository:{repository}:pull\"";
            return;
        }

        if (path.EndsWith("/tags/list", StringComparison.Ordinal) && Repositories.TryGetValue(RepositoryOf(path), out var tags))
        {
            await ListAsync(context, path, tags);
            return;
        }

        if (path.Contains("/manifests/", StringComparison.Ordinal) && Repositories.TryGetValue(RepositoryOf(path), out var known)
            && known.Contains(path[(path.LastIndexOf('/') + 1)..]))
        {
            context.Response.Headers["Docker-Content-Digest"] = "sha256:" + new string('a', 64);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static string RepositoryOf(string path)
    {
        var rest = path["/v2/".Length..];
        var end = rest.IndexOf("/tags/list", StringComparison.Ordinal);
        end = end < 0 ? rest.IndexOf("/manifests/", StringComparison.Ordinal) : end;
        return end < 0 ? rest : rest[..end];
    }

    private async Task ListAsync(HttpContext context, string path, IReadOnlyList<string> tags)
    {
        var size = !HonourPageSize ? tags.Count : int.TryParse(context.Request.Query["n"], out var n) && n > 0 ? n : DefaultPageSize;
        var last = context.Request.Query["last"].ToString();
        var start = last.Length == 0 ? 0 : IndexAfter(tags, last);
        var page = tags.Skip(start).Take(size).ToList();
        if (start + page.Count < tags.Count)
        {
            // A relative link, as distribution writes it.
            context.Response.Headers.Link = $"<{path}?n={size}&last={Uri.EscapeDataString(page[^1])}>; rel=\"next\"";
        }

        context.Response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { name = RepositoryOf(path), tags = page });
        await context.Response.Body.WriteAsync(body);
    }

    private static int IndexAfter(IReadOnlyList<string> tags, string last)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] == last)
            {
                return i + 1;
            }
        }

        return tags.Count;
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));
        if (context.Request.Headers.Authorization.ToString() != expected)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var token = $"front-token-{Interlocked.Increment(ref tokenSerial)}";
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { token, expires_in = TokenLifetimeSeconds }));
    }
}
