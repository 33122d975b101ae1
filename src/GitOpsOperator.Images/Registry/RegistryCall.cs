namespace GitOpsOperator.Images.Registry;

/// <summary>
/// Runs one registry operation (its requests and the reading of their bodies) within the target's timeout; a timeout or
/// a connection lost mid-body is RegistryUnavailable, the caller's own cancellation stays an exception.
/// </summary>
internal static class RegistryCall
{
    public static async Task<RegistryResult<T>> RunAsync<T>(
        RegistryTarget target, Func<CancellationToken, Task<RegistryResult<T>>> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.Timeout);
        try
        {
            return await operation(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ScanFailure(ScanFailureReason.RegistryUnavailable, $"registry {target.Image.Endpoint} did not answer within {target.Timeout}");
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return new ScanFailure(ScanFailureReason.RegistryUnavailable, $"registry {target.Image.Endpoint} broke off: {error.Message}");
        }
    }
}
