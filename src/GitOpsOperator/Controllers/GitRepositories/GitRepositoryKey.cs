using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>Which GitRepository: its namespace and name, as the work queue holds it.</summary>
public sealed record GitRepositoryKey(string Namespace, string Name)
{
    public static GitRepositoryKey Of(GitRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return new(repository.Metadata.NamespaceProperty ?? "", repository.Metadata.Name ?? "");
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
