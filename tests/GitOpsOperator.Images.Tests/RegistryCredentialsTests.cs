using System.Text;

namespace GitOpsOperator.Images.Tests;

public sealed class RegistryCredentialsTests
{
    private static readonly ImageReference Ghcr = ImageReference.TryParse("ghcr.io/org/app", out _)!;
    private static readonly ImageReference Hub = ImageReference.TryParse("nginx", out _)!;

    [Fact]
    public void A_dockerconfigjson_entry_is_chosen_by_registry_host_from_auth_or_username_and_password()
    {
        var config = """
            {"auths": {
              "https://index.docker.io/v1/": {"auth": "aHViOmh1Yi1wYXNz"},
              "ghcr.io": {"username": "gh", "password": "gh-pass"}
            }}
            """;
        var data = Data((".dockerconfigjson", config));

        var ghcr = RegistryCredentials.FromSecretData(data, Ghcr, "ns/regcred", out _)!;
        var hub = RegistryCredentials.FromSecretData(data, Hub, "ns/regcred", out _)!;

        Assert.Equal(("gh", "gh-pass"), (ghcr.Username, ghcr.Password));
        Assert.Equal(("hub", "hub-pass"), (hub.Username, hub.Password));
    }

    [Fact]
    public void Username_and_password_keys_are_read()
    {
        var credentials = RegistryCredentials.FromSecretData(Data(("username", "u"), ("password", "p")), Ghcr, "ns/s", out _)!;

        Assert.Equal(("u", "p"), (credentials.Username, credentials.Password));
        Assert.DoesNotContain("p", credentials.ToString().Replace("user", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".dockerconfigjson", """{"auths": {"quay.io": {"auth": "eDp5"}}}""", "no credentials for registry ghcr.io")]
    [InlineData(".dockerconfigjson", "not json", "is not JSON")]
    [InlineData("token", "x", "neither the key .dockerconfigjson nor the keys username and password")]
    public void A_Secret_without_usable_credentials_is_AuthenticationFailed(string key, string value, string message)
    {
        Assert.Null(RegistryCredentials.FromSecretData(Data((key, value)), Ghcr, "ns/s", out var failure));
        Assert.Equal(ScanFailureReason.AuthenticationFailed, failure!.Reason);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Data(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => Encoding.UTF8.GetBytes(e.Value));
}
