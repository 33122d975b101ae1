using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Api.Schemas;

namespace KubeEmulator.Tests;

/// <summary>
/// A throwaway loopback server for the API documents alone: discovery, OpenAPI, Tables, and a naive object map
/// (GET, POST, PATCH echo) so the real kubectl can be run against them without the emulator's core.
/// </summary>
public sealed class ApiTestServer : IAsyncDisposable
{
    private const string AggregatedType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;
    private readonly IReadOnlyList<ResourceType> types;
    private readonly IReadOnlyDictionary<ResourceType, JsonObject> customSchemas;
    private readonly ConcurrentDictionary<string, (ResourceType Type, string? Namespace, JsonObject Object)> objects = new(StringComparer.Ordinal);

    private ApiTestServer(IReadOnlyList<ResourceType> types, IReadOnlyDictionary<ResourceType, JsonObject> customSchemas)
    {
        this.types = types;
        this.customSchemas = customSchemas;
        Port = FreePort();
        Url = $"http://127.0.0.1:{Port}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        serving = ServeAsync(stopping.Token);
    }

    public int Port { get; }

    public string Url { get; }

    /// <summary>Every request as "METHOD path?query [content-type]".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The additionalPrinterColumns of custom types, as a CRD would declare them.</summary>
    public ConcurrentDictionary<ResourceType, IReadOnlyList<PrinterColumn>> PrinterColumns { get; } = new();

    /// <summary>The bodies of PATCH requests, in order.</summary>
    public ConcurrentQueue<string> Patches { get; } = new();

    public static ApiTestServer Start(IReadOnlyList<ResourceType>? types = null, IReadOnlyDictionary<ResourceType, JsonObject>? customSchemas = null) =>
        new(types ?? BuiltInResources.All, customSchemas ?? new Dictionary<ResourceType, JsonObject>());

    /// <summary>Stores an object as if created, at its item path.</summary>
    public void Put(JsonObject obj)
    {
        var type = types.Single(t => t.ApiVersion == (string?)obj["apiVersion"] && t.Kind == (string?)obj["kind"]);
        var metadata = obj["metadata"]!.AsObject();
        var ns = type.Namespaced ? (string?)metadata["namespace"] ?? "default" : null;
        objects[ItemPath(type, ns, (string)metadata["name"]!)] = (type, ns, obj);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving;
        listener.Close();
        stopping.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context), CancellationToken.None);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue($"{request.HttpMethod} {request.Url.PathAndQuery} [{request.ContentType}]");
        var accept = request.Headers["Accept"] ?? "";
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var (status, contentType, answer) = Route(request.HttpMethod, path, request.QueryString, accept, body);
        var bytes = Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "");
        if (path == "/openapi/v2")
        {
            (status, contentType, bytes) = accept.Contains("protobuf", StringComparison.Ordinal)
                ? (200, OpenApiV2Protobuf.ContentType, OpenApi.V2Protobuf(types, customSchemas))
                : (200, "application/json", Encoding.UTF8.GetBytes(OpenApi.V2(types, customSchemas).ToJsonString()));
        }

        if (request.HttpMethod == "PATCH")
        {
            Patches.Enqueue(body);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int Status, string ContentType, JsonNode? Body) Route(string method, string path, System.Collections.Specialized.NameValueCollection query, string accept, string body)
    {
        var aggregated = accept.Contains("v=v2;as=APIGroupDiscoveryList", StringComparison.Ordinal);
        switch (path)
        {
            case "/version":
                return Ok(Discovery.Version());
            case "/api":
                return aggregated ? (200, AggregatedType, Discovery.Aggregated(true, types)) : Ok(Discovery.CoreVersions($"127.0.0.1:{Port}"));
            case "/apis":
                return aggregated ? (200, AggregatedType, Discovery.Aggregated(false, types)) : Ok(Discovery.GroupList(types));
            case "/openapi/v3":
                return Ok(OpenApi.V3Index(types, customSchemas));
        }

        if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal))
        {
            return OkOrNotFound(OpenApi.V3(path["/openapi/v3/".Length..], types, customSchemas));
        }

        var segments = path.Trim('/').Split('/');
        if (segments is ["api", var coreVersion])
        {
            return OkOrNotFound(Discovery.ResourceList("", coreVersion, types));
        }

        if (segments is ["apis", var group, var version])
        {
            return OkOrNotFound(Discovery.ResourceList(group, version, types));
        }

        return Objects(method, path, query, accept, body);
    }

    private (int, string, JsonNode?) Objects(string method, string path, System.Collections.Specialized.NameValueCollection query, string accept, string body)
    {
        var (type, ns) = Collection(path);
        if (type is not null && method == "GET")
        {
            var items = objects.Values.Where(o => o.Type == type && (ns is null || o.Namespace == ns)).Select(o => o.Object).ToList();
            if (accept.Contains("as=Table", StringComparison.Ordinal))
            {
                return Ok(TableConverter.ToTable(type, items, PrinterColumns.GetValueOrDefault(type), "7", null, query["includeObject"], DateTimeOffset.UtcNow));
            }

            return Ok(new JsonObject { ["kind"] = type.ListKind, ["apiVersion"] = type.ApiVersion, ["metadata"] = new JsonObject { ["resourceVersion"] = "7" }, ["items"] = new JsonArray([.. items.Select(i => i.DeepClone())]) });
        }

        if (type is not null && method == "POST")
        {
            var created = JsonNode.Parse(body)!.AsObject();
            var name = (string)created["metadata"]!["name"]!;
            objects[path + "/" + name] = (type, ns, created);
            return (201, "application/json", created);
        }

        if (objects.TryGetValue(path, out var existing))
        {
            return Ok(existing.Object);
        }

        return (404, "application/json", new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["reason"] = "NotFound", ["code"] = 404, ["message"] = "not found" });
    }

    /// <summary>The type and namespace of a collection path ("/api/v1/namespaces/x/pods", "/apis/apps/v1/deployments"); the namespace is null for all namespaces.</summary>
    private (ResourceType? Type, string? Namespace) Collection(string path)
    {
        foreach (var type in types)
        {
            var root = Root(type);
            if (path == $"{root}/{type.Plural}")
            {
                return (type, null);
            }

            var prefix = root + "/namespaces/";
            var suffix = "/" + type.Plural;
            if (type.Namespaced && path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith(suffix, StringComparison.Ordinal)
                && path[prefix.Length..^suffix.Length] is var ns && !ns.Contains('/', StringComparison.Ordinal))
            {
                return (type, ns);
            }
        }

        return (null, null);
    }

    private static string Root(ResourceType type) => type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.Group}/{type.Version}";

    private static string ItemPath(ResourceType type, string? ns, string name) =>
        type.Namespaced ? $"{Root(type)}/namespaces/{ns ?? "default"}/{type.Plural}/{name}" : $"{Root(type)}/{type.Plural}/{name}";

    private static (int, string, JsonNode?) Ok(JsonNode body) => (200, "application/json", body);

    private static (int, string, JsonNode?) OkOrNotFound(JsonNode? body) =>
        body is null ? (404, "application/json", new JsonObject { ["kind"] = "Status", ["code"] = 404 }) : Ok(body);
}
