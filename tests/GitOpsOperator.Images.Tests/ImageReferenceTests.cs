namespace GitOpsOperator.Images.Tests;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io/library/nginx", "registry-1.docker.io")]
    [InlineData("bitnami/nginx", "docker.io/bitnami/nginx", "registry-1.docker.io")]
    [InlineData("docker.io/nginx", "docker.io/library/nginx", "registry-1.docker.io")]
    [InlineData("index.docker.io/library/nginx", "docker.io/library/nginx", "registry-1.docker.io")]
    [InlineData("ghcr.io/org/team/app", "ghcr.io/org/team/app", "ghcr.io")]
    [InlineData("127.0.0.1:5000/team/app", "127.0.0.1:5000/team/app", "127.0.0.1:5000")]
    [InlineData("localhost/app", "localhost/app", "localhost")]
    public void Names_are_normalized_as_docker_does(string image, string canonical, string endpoint)
    {
        var reference = ImageReference.TryParse(image, out var failure);

        Assert.Null(failure);
        Assert.Equal(canonical, reference!.CanonicalName);
        Assert.Equal(endpoint, reference.Endpoint);
    }

    [Theory]
    [InlineData("nginx:1.25")]
    [InlineData("ghcr.io/org/app@sha256:abc")]
    [InlineData("https://ghcr.io/org/app")]
    [InlineData("Team/App")]
    [InlineData("ghcr.io/org//app")]
    [InlineData("not an image")]
    [InlineData("")]
    public void A_name_that_is_not_an_image_repository_is_ImageURLInvalid(string image)
    {
        Assert.Null(ImageReference.TryParse(image, out var failure));
        Assert.Equal(ScanFailureReason.ImageURLInvalid, failure!.Reason);
    }
}
