using GitOpsOperator.Images.Registry;
using GitOpsOperator.Images.Tests.Fronts;

namespace GitOpsOperator.Images.Tests.Scanning;

public sealed class ImageScannerTests : IAsyncLifetime
{
    private RegistryFront front = null!;
    private readonly RegistryClients clients = new();

    public async Task InitializeAsync() => front = await RegistryFront.StartAsync();

    public async Task DisposeAsync()
    {
        clients.Dispose();
        await front.DisposeAsync();
    }

    [Fact]
    public async Task Repositories_naming_the_same_image_and_credentials_share_one_scan()
    {
        front.Repositories["team/app"] = ["1.0.0", "1.1.0"];
        var scanner = new ImageScanner(clients.Tags, new ScanOptions(), TimeProvider.System);
        var target = RegistryClients.Target($"{front.Address}/team/app");

        var scans = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => scanner.ScanAsync(target, TimeSpan.FromMinutes(5), CancellationToken.None)));
        var later = await scanner.ScanAsync(target, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.All(scans, scan => Assert.Equal(["1.0.0", "1.1.0"], scan.Tags));
        Assert.Same(scans[0], later);
        Assert.Equal(1, front.CountOf("GET /v2/team/app/tags/list"));
    }

    [Fact]
    public async Task Other_credentials_scan_on_their_own_and_a_zero_max_age_scans_again()
    {
        front.Repositories["team/app"] = ["1.0.0"];
        var scanner = new ImageScanner(clients.Tags, new ScanOptions(), TimeProvider.System);
        var anonymous = RegistryClients.Target($"{front.Address}/team/app");
        var withUser = anonymous with { Credentials = RegistryCredentials.Basic("someone", "secret") };

        await scanner.ScanAsync(anonymous, TimeSpan.FromMinutes(5), CancellationToken.None);
        await scanner.ScanAsync(withUser, TimeSpan.FromMinutes(5), CancellationToken.None);
        front.Repositories["team/app"] = ["1.0.0", "2.0.0"];
        var now = await scanner.ScanAsync(anonymous, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(["1.0.0", "2.0.0"], now.Tags);
        Assert.Equal(3, front.CountOf("GET /v2/team/app/tags/list"));
    }
}
