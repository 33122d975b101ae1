using System.Globalization;
using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>The ReplicaSets a Deployment controls, and the one it wants for its current template.</summary>
internal static class DeploymentReplicaSets
{
    public const string HashLabel = "pod-template-hash";
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

    /// <summary>Whether the ReplicaSet's controller ownerReference points at the Deployment.</summary>
    public static bool IsControlledBy(V1ReplicaSet replicaSet, V1Deployment deployment) =>
        replicaSet.Namespace() == deployment.Namespace()
        && replicaSet.OwnerReferences()?.Any(owner => owner.Controller == true && owner.Uid == deployment.Uid()) == true;

    /// <summary>The Deployment a ReplicaSet's controller ownerReference names, if any.</summary>
    public static string? OwnerKey(V1ReplicaSet replicaSet)
    {
        var owner = replicaSet.OwnerReferences()?.FirstOrDefault(o => o.Controller == true && o.Kind == "Deployment");
        return owner is null ? null : ObjectKey.For(replicaSet.Namespace(), owner.Name);
    }

    public static long Revision(V1ReplicaSet replicaSet) =>
        long.TryParse(replicaSet.GetAnnotation(RevisionAnnotation), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : 0;

    /// <summary>
    /// A new ReplicaSet for the Deployment's template: named and labelled with the template hash, its selector
    /// narrowed by that label, controlled by the Deployment.
    /// </summary>
    public static V1ReplicaSet NewFor(V1Deployment deployment, string hash, long revision)
    {
        var replicas = deployment.Spec?.Replicas ?? 1;
        var template = deployment.Spec?.Template ?? new V1PodTemplateSpec();
        var templateLabels = WithHash(template.Metadata?.Labels, hash);
        var selector = deployment.Spec?.Selector ?? new V1LabelSelector();
        return new V1ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new V1ObjectMeta
            {
                Name = $"{deployment.Name()}-{hash}",
                NamespaceProperty = deployment.Namespace(),
                Labels = templateLabels,
                Annotations = Annotations(deployment, revision),
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = "apps/v1",
                        Kind = "Deployment",
                        Name = deployment.Name(),
                        Uid = deployment.Uid(),
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = replicas,
                MinReadySeconds = deployment.Spec?.MinReadySeconds,
                Selector = new V1LabelSelector
                {
                    MatchLabels = WithHash(selector.MatchLabels, hash),
                    MatchExpressions = selector.MatchExpressions,
                },
                Template = template with
                {
                    Metadata = (template.Metadata ?? new V1ObjectMeta()) with { Labels = templateLabels },
                },
            },
        };
    }

    /// <summary>The annotations a Deployment's ReplicaSet carries for its revision and size.</summary>
    public static Dictionary<string, string> Annotations(V1Deployment deployment, long revision)
    {
        var replicas = deployment.Spec?.Replicas ?? 1;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DesiredReplicasAnnotation] = replicas.ToString(CultureInfo.InvariantCulture),
            [MaxReplicasAnnotation] = (replicas + RollingUpdate.MaxSurge(deployment)).ToString(CultureInfo.InvariantCulture),
            [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static Dictionary<string, string> WithHash(IDictionary<string, string>? labels, string hash) =>
        new(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [HashLabel] = hash };
}
