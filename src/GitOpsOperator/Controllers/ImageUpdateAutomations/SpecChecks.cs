using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>What an automation's spec alone decides, before any object is read: its source and whether it may be used.</summary>
public static class SpecChecks
{
    /// <summary>The GitRepository of spec.sourceRef; its namespace defaults to the automation's own.</summary>
    public static GitRepositoryKey Source(ImageUpdateAutomation automation)
    {
        ArgumentNullException.ThrowIfNull(automation);
        return new(automation.Spec.SourceRef.Namespace ?? automation.Metadata.NamespaceProperty ?? "", automation.Spec.SourceRef.Name);
    }

    /// <summary>
    /// A sourceRef in another namespace under --no-cross-namespace-refs is AccessDenied, an update path that leaves the
    /// repository root is InvalidSpec (both Stalled); null when the spec may be used.
    /// </summary>
    public static SpecProblem? Problem(ImageUpdateAutomation automation, bool noCrossNamespaceRefs)
    {
        ArgumentNullException.ThrowIfNull(automation);
        var source = Source(automation);
        if (noCrossNamespaceRefs && source.Namespace != automation.Metadata.NamespaceProperty)
        {
            return new SpecProblem(
                Reasons.AccessDenied, $"spec.sourceRef names GitRepository {source} in another namespace, which --no-cross-namespace-refs forbids", Stalled: true);
        }

        return UpdatePaths.StaysInside(automation.Spec.Update.Path)
            ? null
            : new SpecProblem(Reasons.InvalidSpec, $"spec.update.path \"{automation.Spec.Update.Path}\" leaves the repository root", Stalled: true);
    }
}
