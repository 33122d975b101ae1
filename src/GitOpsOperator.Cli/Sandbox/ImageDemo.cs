using GitOpsOperator.Api;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Sandbox;

/// <summary>
/// The release manager in the sandbox: an ImageRepository of the local registry's demo image, a semver ImagePolicy
/// and an ImageUpdateAutomation that writes the selected tag into the demo Deployment's marked image line and pushes.
/// </summary>
public static class ImageDemo
{
    public const string Name = "demo";

    /// <summary>A safety net for the demo: the registry sends no webhook, so a pushed tag is seen within this.</summary>
    public const string ScanInterval = "5s";

    /// <summary>The marker on the demo Deployment's image line (the image under it is the registry's first tag).</summary>
    public static string Marker => $"# {{\"$imagepolicy\": \"{SandboxObjects.Namespace}:{Name}\"}}";

    public static async Task CreateAsync(IKubernetes client, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await CreateAsync(client, GitOpsApi.ImageRepositoryPlural, new ImageRepository
        {
            Metadata = Metadata(),
            Spec = new ImageRepositorySpec { Image = image, Insecure = true, Interval = ScanInterval },
        }, cancellationToken).ConfigureAwait(false);
        await CreateAsync(client, GitOpsApi.ImagePolicyPlural, new ImagePolicy
        {
            Metadata = Metadata(),
            Spec = new ImagePolicySpec
            {
                ImageRepositoryRef = new NamedReference { Name = Name },
                Policy = new TagPolicy { Semver = new SemverPolicy { Range = ">=1.0.0" } },
            },
        }, cancellationToken).ConfigureAwait(false);
        await CreateAsync(client, GitOpsApi.ImageUpdateAutomationPlural, new ImageUpdateAutomation
        {
            Metadata = Metadata(),
            Spec = new ImageUpdateAutomationSpec
            {
                SourceRef = new SourceReference { Name = SandboxObjects.RepositoryName },
                Update = new UpdateStrategy { Path = "./" + SampleApp.Path },
            },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The "try" item for <paramref name="image"/> (the demo image in the local registry): push a tag, see the release
    /// commit, watch the rollout, revert it. Without a registry (null), what to install.
    /// </summary>
    public static string Try(SandboxLayout layout, string? image)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (image is null)
        {
            return $"  5. Release images from a registry: install {string.Join(", ", SandboxRegistry.Tools)} (apt-get install {string.Join(' ', SandboxRegistry.Tools)}) and start the sandbox again.";
        }

        return $"""
              5. Release an image: push tag 1.1.0 to the local registry; the automation commits it to the config repo and the GitSync rolls it out:
                   {SandboxRegistry.PushCommand(layout, image, "1.1.0")}
                   cd {layout.Display(layout.WorkingClone)} && git pull && git show HEAD
                   kubectl --kubeconfig {layout.Display(layout.Kubeconfig)} rollout status deployment/demo -n {SampleApp.Namespace}
                   git revert --no-edit HEAD && git push    (held: the automation keeps 1.0.0 until a tag newer than 1.1.0)
            """;
    }

    private static V1ObjectMeta Metadata() => new() { Name = Name, NamespaceProperty = SandboxObjects.Namespace };

    private static Task CreateAsync(IKubernetes client, string plural, object body, CancellationToken cancellationToken) =>
        client.CustomObjects.CreateNamespacedCustomObjectAsync(
            body, GitOpsApi.Group, GitOpsApi.Version, SandboxObjects.Namespace, plural, cancellationToken: cancellationToken);
}
