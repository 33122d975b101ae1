using GitOpsOperator.Api;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>Which ImageUpdateAutomation: its namespace and name, as the work queue holds it.</summary>
public sealed record ImageUpdateAutomationKey(string Namespace, string Name)
{
    public static ImageUpdateAutomationKey Of(ImageUpdateAutomation automation)
    {
        ArgumentNullException.ThrowIfNull(automation);
        return new(automation.Metadata.NamespaceProperty ?? "", automation.Metadata.Name ?? "");
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
