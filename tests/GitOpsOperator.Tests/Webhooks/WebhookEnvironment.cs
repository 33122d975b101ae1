using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Tests.GitRepositories;

namespace GitOpsOperator.Tests.Webhooks;

/// <summary>
/// One operator against an emulator, shared by the webhook tests: an origin repository, the webhook Secret and
/// a way to create GitRepositories (interval 1h, so only a webhook makes them poll again) and to post hooks.
/// </summary>
public sealed class WebhookEnvironment : IAsyncLifetime
{
    public const string SecretName = "git-webhook";
    public const string Token = "webhook-token-5f1c";

    private readonly HttpClient http = new();
    private OperatorWithGit? env;
    private OriginRepo? origin;

    internal OperatorWithGit Operator => env!;

    public OriginRepo Origin => origin!;

    public async Task InitializeAsync()
    {
        env = await OperatorWithGit.StartAsync();
        origin = await env.CreateOriginAsync("config");
        await origin.CommitAsync("first", ("app.yaml", "kind: ConfigMap\n"));
        await env.CreateSecretAsync(SecretName, new Dictionary<string, string> { ["token"] = Token });
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (env is not null)
        {
            await env.DisposeAsync();
        }
    }

    /// <summary>Creates a GitRepository of the origin and waits until it is Ready.</summary>
    public async Task<GitRepository> CreateReadyAsync(string name, string? webhookSecret = SecretName)
    {
        var secretRef = webhookSecret is null ? null : new NamedReference { Name = webhookSecret };
        await Operator.CreateAsync(name, new GitRepositorySpec { Url = OperatorWithGit.FileUrl(Origin), Interval = "1h", WebhookSecretRef = secretRef });
        return await Operator.WaitForAsync(name, r => r.Status?.Conditions.Find(ConditionTypes.Ready)?.Status == Condition.True, "Ready");
    }

    public static string Sign(byte[] body, string token) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body));

    /// <summary>Sends a request to the hook of the GitRepository.</summary>
    public async Task<HookAnswer> SendAsync(
        HttpMethod method, string @namespace, string name, byte[] body, (string Header, string Value)[]? headers = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(Operator.HttpAddress, $"/hooks/{@namespace}/{name}"));
        request.Headers.TransferEncodingChunked = chunked;
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (header, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await http.SendAsync(request);
        return new HookAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), string.Join(", ", response.Content.Headers.Allow));
    }

    public Task<HookAnswer> PostAsync(string name, byte[] body, params (string Header, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, OperatorWithGit.Namespace, name, body, headers);
}
