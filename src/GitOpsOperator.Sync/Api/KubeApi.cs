using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace GitOpsOperator.Sync.Api;

/// <summary>
/// Raw JSON requests for any kind through a KubernetesClient connection (its HttpClient, TLS and credentials).
/// Failures to reach the server are results, not exceptions; cancellation by the caller still throws.
/// </summary>
public sealed class KubeApi(Kubernetes client)
{
    public const string ApplyContentType = "application/apply-patch+yaml";
    public const string ImpersonateUserHeader = "Impersonate-User";
    public const string ImpersonateGroupHeader = "Impersonate-Group";

    /// <summary>Sends one request as the operator and reads its JSON answer.</summary>
    public Task<ApiResult> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType, CancellationToken cancellationToken) =>
        SendAsync(method, pathAndQuery, body, contentType, null, cancellationToken);

    /// <summary>Sends one request and reads its JSON answer; as <paramref name="actAs"/> (impersonated) when set.</summary>
    public async Task<ApiResult> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType, WriteIdentity? actAs, CancellationToken cancellationToken)
    {
        try
        {
            using var request = await CreateRequestAsync(method, pathAndQuery, body, contentType, cancellationToken);
            if (actAs is not null)
            {
                request.Headers.Add(ImpersonateUserHeader, actAs.User);
                foreach (var group in actAs.ImpersonatedGroups)
                {
                    request.Headers.Add(ImpersonateGroupHeader, group);
                }
            }

            using var response = await client.HttpClient.SendAsync(request, cancellationToken);
            return await ReadResultAsync(response, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ApiResult.Unanswered($"{method} {PathOnly(pathAndQuery)}: {e.Message}");
        }
    }

    /// <summary>Reads a response's JSON answer; the message is the server's Status message when it refused.</summary>
    public static async Task<ApiResult> ReadResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = Parse(text);
        var message = response.IsSuccessStatusCode ? "" : json?["message"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode}";
        return new ApiResult((int)response.StatusCode, json, message);
    }

    /// <summary>Opens a streaming GET (a watch); the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = await CreateRequestAsync(HttpMethod.Get, pathAndQuery, null, null, cancellationToken);
        return await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(client.BaseUri, pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        return request;
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string PathOnly(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery[..query];
    }
}
