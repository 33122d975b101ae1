using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>Which ImageRepository: its namespace and name, as the work queue holds it.</summary>
public sealed record ImageRepositoryKey(string Namespace, string Name)
{
    public static ImageRepositoryKey Of(ImageRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return new(repository.Metadata.NamespaceProperty ?? "", repository.Metadata.Name ?? "");
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
