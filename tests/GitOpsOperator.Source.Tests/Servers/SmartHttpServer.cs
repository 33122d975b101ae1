using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using GitOpsOperator.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOpsOperator.Source.Tests.Servers;

/// <summary>
/// Smart HTTP: <c>git http-backend</c> run as CGI behind Kestrel on 127.0.0.1. Routes: <c>/open/…</c> (anonymous),
/// <c>/basic/…</c> (basic auth), <c>/bearer/…</c> (bearer token). Pack responses of repositories marked
/// <see cref="Dying"/> are cut short, as by a server dying mid-fetch. Every request is recorded with the bytes it sent.
/// </summary>
public sealed class SmartHttpServer : IAsyncDisposable
{
    public const string Username = "git-user";
    public const string Password = "s3cret-pa55word";
    public const string Token = "tok-5ecret-bearer";
    private const int DyingAfterBytes = 2048;

    private readonly WebApplication _app;
    private readonly string _projectRoot;

    private SmartHttpServer(WebApplication app, string projectRoot, string baseUrl)
    {
        _app = app;
        _projectRoot = projectRoot;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ServedRequest> Requests { get; } = new();

    /// <summary>Names of repositories whose pack responses die after a few kilobytes.</summary>
    public ConcurrentDictionary<string, bool> Dying { get; } = new();

    /// <summary>The requests served so far for one repository.</summary>
    public IReadOnlyList<ServedRequest> RequestsFor(string repoName) =>
        [.. Requests.Where(request => request.Path.StartsWith(repoName + ".git/", StringComparison.Ordinal))];

    public static async Task<SmartHttpServer> StartAsync(string projectRoot)
    {
        SmartHttpServer? server = null;
        var (app, port) = await LoopbackWebServer.StartAsync(context => server!.HandleAsync(context));
        server = new SmartHttpServer(app, projectRoot, $"http://127.0.0.1:{port}");
        return server;
    }

    public string Url(string route, string repoName) => $"{BaseUrl}/{route}/{repoName}.git";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var segments = context.Request.Path.Value!.TrimStart('/').Split('/', 2);
        if (segments.Length < 2)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var route = segments[0];
        var authorization = context.Request.Headers.Authorization.ToString();
        var expected = route switch
        {
            "basic" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")),
            "bearer" => "Bearer " + Token,
            _ => null,
        };
        if (expected is not null && authorization != expected)
        {
            context.Response.StatusCode = 401;
            if (route == "basic")
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
            }

            Requests.Enqueue(new ServedRequest(route, context.Request.Method, segments[1], 401, 0));
            return;
        }

        var counting = new CountingStream(context.Response.Body, context.Request.Method == "POST" && Dying.ContainsKey(segments[1].Split(".git/")[0]) ? DyingAfterBytes : long.MaxValue);
        var status = await RunBackendAsync(context, "/" + segments[1], counting);
        Requests.Enqueue(new ServedRequest(route, context.Request.Method, segments[1], status, counting.Written));
        if (counting.CutShort)
        {
            context.Abort();
        }
    }

    private async Task<int> RunBackendAsync(HttpContext context, string pathInfo, CountingStream body)
    {
        var start = new ProcessStartInfo("/usr/lib/git-core/git-http-backend")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var request = context.Request;
        start.Environment["GIT_PROJECT_ROOT"] = _projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["PATH_INFO"] = pathInfo;
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? string.Empty;
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        start.Environment["REMOTE_USER"] = "git";
        start.Environment["HTTP_CONTENT_ENCODING"] = request.Headers.ContentEncoding.ToString();
        start.Environment["GIT_PROTOCOL"] = request.Headers["Git-Protocol"].ToString();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await request.Body.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();

        var output = process.StandardOutput.BaseStream;
        var status = 200;
        foreach (var header in await ReadCgiHeadersAsync(output))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (header[..colon], header[(colon + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                status = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                context.Response.Headers[name] = value;
            }
        }

        context.Response.StatusCode = status;
        await output.CopyToAsync(body);
        await process.WaitForExitAsync();
        await stderr;
        return status;
    }

    private static async Task<List<string>> ReadCgiHeadersAsync(Stream output)
    {
        var headers = new List<string>();
        var line = new List<byte>();
        var one = new byte[1];
        while (await output.ReadAsync(one) == 1)
        {
            if (one[0] != (byte)'\n')
            {
                line.Add(one[0]);
                continue;
            }

            var text = Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                break;
            }

            headers.Add(text);
        }

        return headers;
    }
}
