using System.Runtime.ExceptionServices;
using GitOpsOperator.Metrics;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Transient;

/// <summary>
/// Sends an idempotent Kubernetes API request again when it fails transiently (see <see cref="TransientFailure"/>),
/// within the <see cref="RetryPolicy"/>: the caller sees either an answer that no retry can improve or, after the last
/// attempt, the last failure. Each retry counts in gitops_api_retries_total{code} and is logged at Debug; giving up is
/// logged at Warning. Only the method and path are logged, never a body, query or header.
/// </summary>
public sealed partial class TransientRetryHandler(RetryPolicy policy, OperatorMetrics metrics, ILogger<TransientRetryHandler> logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!IdempotentRequest.Is(request, body is null ? null : System.Text.Encoding.UTF8.GetString(body)))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            using var copy = attempt == 1 ? null : Copy(request, body);
            var (response, code, error) = await TrySendAsync(copy ?? request, cancellationToken).ConfigureAwait(false);
            if (code is null)
            {
                return response!;
            }

            if (attempt == policy.MaxAttempts)
            {
                LogGaveUp(logger, request.Method, request.RequestUri?.AbsolutePath, code, attempt);
                error?.Throw();
                return response!;
            }

            var delay = policy.DelayAfter(attempt, response?.Headers.RetryAfter is { } after ? RetryAfter(after) : null, Random.Shared);
            response?.Dispose();
            metrics.ApiRetried(code);
            LogRetry(logger, request.Method, request.RequestUri?.AbsolutePath, code, attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The answer and, when it is worth another try, its code; a reset connection is its error with code "reset".</summary>
    private async Task<(HttpResponseMessage? Response, string? Code, ExceptionDispatchInfo? Error)> TrySendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var code = TransientFailure.CodeOf(response);
            return (response, code is not null && await TransientFailure.IsCausedByRequestAsync(response, cancellationToken).ConfigureAwait(false) ? null : code, null);
        }
        catch (Exception error) when (error is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested && TransientFailure.CodeOf(error) is not null)
        {
            return (null, TransientFailure.Reset, ExceptionDispatchInfo.Capture(error));
        }
    }

    private TimeSpan RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue after) =>
        after.Delta ?? (after.Date is { } date ? date - time.GetUtcNow() : TimeSpan.Zero);

    /// <summary>A fresh message for the next send (a sent one cannot be sent again), with the same headers and body bytes.</summary>
    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            copy.Options.TryAdd(option.Key, option.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retrying {Method} {Path} after {Code} (attempt {Attempt}) in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, HttpMethod method, string? path, string code, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up on {Method} {Path} after {Attempts} attempts; the last failed with {Code}")]
    private static partial void LogGaveUp(ILogger logger, HttpMethod method, string? path, string code, int attempts);
}
