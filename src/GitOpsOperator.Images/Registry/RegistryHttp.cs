using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GitOpsOperator.Images.Registry;

/// <summary>
/// Sends one request of the OCI distribution API and answers 401 challenges: Basic with the target's credentials, or a
/// Bearer token from the challenge's realm (asked with the credentials, cached until it expires). The scheme a registry
/// asked for is remembered, so later requests carry their credentials from the start. Every failure becomes a
/// <see cref="ScanFailure"/> with the ImageRepository reason that fits; messages never hold a credential.
/// </summary>
public sealed class RegistryHttp
{
    private const int MaxTokenResponseBytes = 1024 * 1024;

    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly TokenCache tokens;
    private readonly RateLimits rateLimits;
    private readonly ConcurrentDictionary<(string Host, string Identity), AuthChallenge> challenges = new();

    public RegistryHttp(HttpMessageHandler handler, TimeProvider time)
    {
        http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        this.time = time;
        tokens = new TokenCache(time);
        rateLimits = new RateLimits(time);
    }

    /// <summary>
    /// The successful response to <paramref name="method"/> <paramref name="uri"/>, read up to its headers (the caller
    /// disposes it), or the failure. Call it inside <see cref="RegistryCall.RunAsync"/>, which applies the target's timeout.
    /// </summary>
    /// <param name="missing">What a 404 means is missing, e.g. "repository team/app" or "manifest team/app:1.1.0".</param>
    public async Task<RegistryResult<HttpResponseMessage>> SendAsync(
        RegistryTarget target, HttpMethod method, Uri uri, IReadOnlyList<string> accept, string missing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(missing);
        var host = target.Image.Endpoint;
        if (rateLimits.Remaining(host) is { } wait)
        {
            return RateLimited(host, wait);
        }

        try
        {
            challenges.TryGetValue((host, target.Credentials.Identity), out var known);
            AuthenticationHeaderValue? authorization = null;
            if (known is not null)
            {
                var preset = await AuthorizeAsync(target, known, cancellationToken).ConfigureAwait(false);
                if (preset.Failure is { } refused)
                {
                    return refused;
                }

                authorization = preset.Value;
            }

            var response = await SendOnceAsync(method, uri, accept, authorization, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && AuthChallenge.From(response.Headers) is { } challenge)
            {
                response.Dispose();
                challenges[(host, target.Credentials.Identity)] = challenge;
                var answer = await AuthorizeAsync(target, challenge, cancellationToken).ConfigureAwait(false);
                if (answer.Failure is { } failed)
                {
                    return failed;
                }

                response = await SendOnceAsync(method, uri, accept, answer.Value, cancellationToken).ConfigureAwait(false);
            }

            return Classify(target, response, missing);
        }
        catch (HttpRequestException error)
        {
            return new ScanFailure(ScanFailureReason.RegistryUnavailable, $"registry {host} unreachable: {error.Message}");
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, Uri uri, IReadOnlyList<string> accept, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        foreach (var type in accept)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        request.Headers.Authorization = authorization;
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private RegistryResult<HttpResponseMessage> Classify(RegistryTarget target, HttpResponseMessage response, string missing)
    {
        if (response.IsSuccessStatusCode)
        {
            return RegistryResult<HttpResponseMessage>.Ok(response);
        }

        using (response)
        {
            var host = target.Image.Endpoint;
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ScanFailure(
                    ScanFailureReason.AuthenticationFailed,
                    $"registry {host} refused {(target.Credentials.IsAnonymous ? "anonymous access" : "the credentials")} for {target.Image.Repository} ({(int)response.StatusCode})"),
                HttpStatusCode.NotFound => new ScanFailure(
                    ScanFailureReason.ImageURLInvalid, $"registry {host} has no {missing} (404)"),
                HttpStatusCode.TooManyRequests => RateLimited(host, rateLimits.Limited(host, response)),
                _ => new ScanFailure(ScanFailureReason.RegistryUnavailable, $"registry {host} answered {(int)response.StatusCode} {response.ReasonPhrase}"),
            };
        }
    }

    private static ScanFailure RateLimited(string host, TimeSpan wait) =>
        new(ScanFailureReason.RateLimited, $"registry {host} limits requests (429): next attempt in {Math.Ceiling(wait.TotalSeconds)}s", wait);

    private async Task<RegistryResult<AuthenticationHeaderValue>> AuthorizeAsync(RegistryTarget target, AuthChallenge challenge, CancellationToken cancellationToken)
    {
        var credentials = target.Credentials;
        if (challenge.IsBasic)
        {
            return credentials.IsAnonymous
                ? new ScanFailure(ScanFailureReason.AuthenticationFailed, $"registry {target.Image.Endpoint} asks for credentials: set spec.secretRef")
                : RegistryResult<AuthenticationHeaderValue>.Ok(BasicHeader(credentials));
        }

        if (!challenge.IsBearer || challenge.Realm is null)
        {
            return new ScanFailure(ScanFailureReason.AuthenticationFailed, $"registry {target.Image.Endpoint} asks for an authentication scheme this operator does not speak");
        }

        var scope = $"repository:{target.Image.Repository}:pull";
        var service = challenge.Service ?? "";
        var token = tokens.Get(challenge.Realm, service, scope, credentials.Identity);
        if (token is null)
        {
            var issued = await RequestTokenAsync(target, challenge.Realm, service, scope, cancellationToken).ConfigureAwait(false);
            if (issued.Failure is { } failure)
            {
                return failure;
            }

            token = issued.Value!;
        }

        return RegistryResult<AuthenticationHeaderValue>.Ok(new AuthenticationHeaderValue("Bearer", token));
    }

    private async Task<RegistryResult<string>> RequestTokenAsync(RegistryTarget target, string realm, string service, string scope, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || (realmUri.Scheme != Uri.UriSchemeHttps && realmUri.Scheme != Uri.UriSchemeHttp))
        {
            return new ScanFailure(ScanFailureReason.AuthenticationFailed, $"registry {target.Image.Endpoint} names a token service that is not a URL");
        }

        var query = $"{(string.IsNullOrEmpty(realmUri.Query) ? "?" : "&")}service={Uri.EscapeDataString(service)}&scope={Uri.EscapeDataString(scope)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(realmUri + query));
        if (!target.Credentials.IsAnonymous)
        {
            request.Headers.Authorization = BasicHeader(target.Credentials);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ScanFailure(
                    ScanFailureReason.AuthenticationFailed,
                    $"the token service of registry {target.Image.Endpoint} refused {(target.Credentials.IsAnonymous ? "anonymous access" : "the credentials")} ({(int)response.StatusCode})"),
                HttpStatusCode.TooManyRequests => RateLimited(target.Image.Endpoint, rateLimits.Limited(target.Image.Endpoint, response)),
                _ => new ScanFailure(ScanFailureReason.RegistryUnavailable, $"the token service of registry {target.Image.Endpoint} answered {(int)response.StatusCode}"),
            };
        }

        var body = await BoundedBody.ReadAsync(response, MaxTokenResponseBytes, cancellationToken).ConfigureAwait(false);
        var token = body is null ? null : ParseToken(body);
        if (token is null)
        {
            return new ScanFailure(ScanFailureReason.AuthenticationFailed, $"the token service of registry {target.Image.Endpoint} sent no token");
        }

        tokens.Put(realm, service, scope, target.Credentials.Identity, token.Value.Token, token.Value.Lifetime);
        return RegistryResult<string>.Ok(token.Value.Token);
    }

    /// <summary>"token" (or "access_token") and "expires_in" seconds, 60 when absent as the distribution spec says.</summary>
    private static (string Token, TimeSpan Lifetime)? ParseToken(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var token = root.TryGetProperty("token", out var t) && t.GetString() is { Length: > 0 } value ? value
                : root.TryGetProperty("access_token", out var a) && a.GetString() is { Length: > 0 } access ? access
                : null;
            var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) && s > 0 ? s : 60;
            return token is null ? null : (token, TimeSpan.FromSeconds(seconds));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AuthenticationHeaderValue BasicHeader(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
}
