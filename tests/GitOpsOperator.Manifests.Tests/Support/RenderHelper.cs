using System.Text.Json.Nodes;

namespace GitOpsOperator.Manifests.Tests.Support;

internal static class RenderHelper
{
    /// <summary>Renders one ConfigMap whose data is the given YAML block and returns its JSON.</summary>
    public static async Task<JsonObject> RenderConfigMapWithAsync(string dataYaml)
    {
        using var repo = new TestRepo().With("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n" + dataYaml);
        var result = await repo.RenderAsync();
        Assert.True(result.Outcome == RenderOutcome.Rendered, string.Join("\n", result.Errors));
        return result.Objects.Single().Json;
    }
}
