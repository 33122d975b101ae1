namespace GitOpsOperator.Sync.Tests;

public sealed class ApplyOrderTests
{
    [Fact]
    public void Namespaces_and_crds_come_first_workloads_after_config_webhooks_last()
    {
        var objects = new[]
        {
            ("ValidatingWebhookConfiguration", "", "check"),
            ("Deployment", "app", "web"),
            ("Widget", "app", "w"),
            ("ConfigMap", "app", "settings"),
            ("CustomResourceDefinition", "", "widgets.example.com"),
            ("Namespace", "", "app"),
            ("Service", "app", "web"),
        };

        var ordered = ApplyOrder.Sort(objects, o => o).Select(o => o.Item1).ToArray();

        Assert.Equal(
            ["Namespace", "CustomResourceDefinition", "ConfigMap", "Service", "Deployment", "Widget", "ValidatingWebhookConfiguration"],
            ordered);
    }

    [Fact]
    public void Same_kind_is_ordered_by_namespace_then_name()
    {
        var objects = new[] { ("ConfigMap", "b", "x"), ("ConfigMap", "a", "z"), ("ConfigMap", "a", "y") };

        Assert.Equal([("ConfigMap", "a", "y"), ("ConfigMap", "a", "z"), ("ConfigMap", "b", "x")], ApplyOrder.Sort(objects, o => o));
    }
}
