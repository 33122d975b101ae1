using System.Text.Json.Nodes;
using GitOpsOperator.Crds;
using GitOpsOperator.Manifests.Yaml;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Crds;

public sealed class CrdManifestsTests
{
    [Fact]
    public void The_operator_embeds_exactly_the_CRDs_of_deploy_crds()
    {
        var onDisk = Directory.GetFiles(RepositoryRoot.Combine("deploy", "crds"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));

        Assert.Equal(onDisk, CrdManifests.Files());
    }

    [Fact]
    public void Every_CRD_is_a_namespaced_v1alpha1_kind_of_the_gitops_group_and_category()
    {
        var crds = CrdManifests.All();

        Assert.Equal(
            ["GitRepository gitrepositories gitrepo", "GitSync gitsyncs gsync", "ImagePolicy imagepolicies imgpol", "ImageRepository imagerepositories imagerepo", "ImageUpdateAutomation imageupdateautomations imgauto"],
            crds.Select(crd => crd["spec"]!["names"]!).Select(n => $"{n["kind"]} {n["plural"]} {n["shortNames"]![0]}"));
        Assert.All(crds, crd =>
        {
            Assert.Equal("gitops.operator.io", (string?)crd["spec"]!["group"]);
            Assert.Equal("Namespaced", (string?)crd["spec"]!["scope"]);
            Assert.Equal("v1alpha1", (string?)crd["spec"]!["versions"]![0]!["name"]);
            Assert.Equal("gitops", (string?)crd["spec"]!["names"]!["categories"]![0]);
        });
    }

    [Fact]
    public void Yaml_plain_scalars_are_typed_and_quoted_ones_stay_strings()
    {
        var json = YamlJson.Convert("""
            flag: false
            count: 10
            ratio: 0.5
            quoted: "True"
            duration: 1m
            path: ./
            empty:
            list: [a, "1", 2]
            """);

        Assert.Equal(
            """{"flag":false,"count":10,"ratio":0.5,"quoted":"True","duration":"1m","path":"./","empty":null,"list":["a","1",2]}""",
            json!.ToJsonString());
        Assert.IsType<JsonObject>(json);
    }
}
