using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.ImageUpdateAutomations;
using k8s.Models;

namespace GitOpsOperator.Tests.Images;

public sealed class SpecChecksTests
{
    [Fact]
    public void Under_no_cross_namespace_refs_a_source_in_another_namespace_is_AccessDenied_and_stalled()
    {
        var automation = Automation(sourceNamespace: "team-b", path: "./");

        var refused = SpecChecks.Problem(automation, noCrossNamespaceRefs: true);
        var allowed = SpecChecks.Problem(automation, noCrossNamespaceRefs: false);

        Assert.Equal((Reasons.AccessDenied, true), (refused?.Reason, refused?.Stalled ?? false));
        Assert.Contains("GitRepository team-b/config", refused!.Message, StringComparison.Ordinal);
        Assert.Null(allowed);
        Assert.Null(SpecChecks.Problem(Automation(sourceNamespace: null, path: "./apps"), noCrossNamespaceRefs: true));
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("apps/../../other")]
    [InlineData("/etc")]
    public void An_update_path_leaving_the_repository_root_is_InvalidSpec(string path)
    {
        var problem = SpecChecks.Problem(Automation(sourceNamespace: null, path), noCrossNamespaceRefs: false);

        Assert.Equal(Reasons.InvalidSpec, problem?.Reason);
    }

    private static ImageUpdateAutomation Automation(string? sourceNamespace, string path) => new()
    {
        Metadata = new V1ObjectMeta { Name = "release", NamespaceProperty = "team-a" },
        Spec = new ImageUpdateAutomationSpec
        {
            SourceRef = new SourceReference { Name = "config", Namespace = sourceNamespace },
            Update = new UpdateStrategy { Path = path },
        },
    };
}
