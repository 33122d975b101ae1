using GitOpsOperator.Api;
using k8s;
using k8s.Models;

namespace GitOpsOperator.Bench;

/// <summary>The GitRepository "monorepo" of a bare repository and one GitSync (prune on) per <c>apps/app-NNN</c> path.</summary>
internal static class MonorepoSyncs
{
    public static async Task CreateAsync(IKubernetes client, string ns, string bare, int apps, string interval, Func<string, string> targetNamespace)
    {
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            new GitRepository
            {
                Metadata = new V1ObjectMeta { Name = "monorepo", NamespaceProperty = ns },
                Spec = new GitRepositorySpec { Url = "file://" + bare, Ref = new GitReference { Branch = "main" }, Interval = interval },
            },
            GitOpsApi.Group, GitOpsApi.Version, ns, GitOpsApi.GitRepositoryPlural);
        await Parallel.ForAsync(0, apps, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (app, token) =>
        {
            var name = Monorepo.PathName(app);
            await client.CustomObjects.CreateNamespacedCustomObjectAsync(
                new GitSync
                {
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                    Spec = new GitSyncSpec
                    {
                        SourceRef = new SourceReference { Name = "monorepo" },
                        Path = $"./apps/{name}",
                        Interval = interval,
                        Prune = true,
                        TargetNamespace = targetNamespace(name),
                    },
                },
                GitOpsApi.Group, GitOpsApi.Version, ns, GitOpsApi.GitSyncPlural, cancellationToken: token);
        });
    }
}
