namespace KubeEmulator.Tests.Kubectl;

/// <summary>One emulator and kubectl shared by the tests of a class; each test names its own objects.</summary>
public sealed class KubectlSessionFixture : IAsyncLifetime
{
    private KubectlSession? session;

    internal KubectlSession Session => session ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => session = await KubectlSession.StartAsync();

    public async Task DisposeAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }
}
