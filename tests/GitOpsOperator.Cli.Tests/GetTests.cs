namespace GitOpsOperator.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class GetTests(CliCluster stack)
{
    [Fact]
    public async Task Get_prints_kubectl_style_tables_and_image_kinds_the_cluster_does_not_serve_yet_list_as_none()
    {
        var listed = await stack.GitOpsAsync("get", "gitrepositories", "-A");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var lines = Manifests.Lines(listed.Stdout);
        Assert.Matches(@"^NAMESPACE\s+NAME\s+URL\s+REVISION\s+READY\s+STATUS\s+AGE$", lines[0]);
        Assert.Matches(@"^gitops-system\s+config\s+git://\S+\s+\S*\s+\S*", lines[1]);
        Assert.Equal(lines[0].IndexOf(" NAME ", StringComparison.Ordinal) + 1, lines[1].IndexOf("config", StringComparison.Ordinal));

        var images = await stack.GitOpsAsync("get", "images", "-A");
        Assert.True(images.ExitCode == 0, images.ToString());
        Assert.Equal("", images.Stdout);
        Assert.Equal("No resources found\n", images.Stderr);

        var yaml = await stack.GitOpsAsync("get", "gitrepo", "-n", "gitops-system", "-o", "yaml");
        Assert.StartsWith("apiVersion: v1\nkind: List\nitems:\n- apiVersion: gitops.operator.io/v1alpha1\n  kind: GitRepository\n", yaml.Stdout);
    }
}
