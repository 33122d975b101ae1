using GitOpsOperator.Images.Registry;

namespace GitOpsOperator.Images.Tests;

/// <summary>The operator's registry client parts over one handler, as the operator wires them.</summary>
internal sealed class RegistryClients : IDisposable
{
    private readonly SocketsHttpHandler handler = new();

    public RegistryClients(TimeProvider? time = null)
    {
        Http = new RegistryHttp(handler, time ?? TimeProvider.System);
        Tags = new TagLister(Http);
        Digests = new DigestResolver(Http);
    }

    public RegistryHttp Http { get; }

    public TagLister Tags { get; }

    public DigestResolver Digests { get; }

    public static RegistryTarget Target(string image, RegistryCredentials? credentials = null, bool insecure = true, TimeSpan? timeout = null) =>
        new(ImageReference.TryParse(image, out var failure) ?? throw new ArgumentException(failure!.Message),
            credentials ?? RegistryCredentials.Anonymous, insecure, timeout ?? TimeSpan.FromSeconds(10));

    public void Dispose() => handler.Dispose();
}
