namespace KubeEmulator.Patching;

/// <summary>A patch that cannot be applied; the server answers it with <see cref="StatusCode"/> (400 malformed, 422 unprocessable).</summary>
public sealed class PatchException(string message, int statusCode = 422) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
