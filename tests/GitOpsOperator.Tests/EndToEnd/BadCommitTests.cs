using System.Text.RegularExpressions;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed partial class BadCommitTests
{
    private const string CheckoutFile = $"{ShopApp.Path}/checkout.yaml";

    /// <summary>Lines 11 to 28 of <see cref="Checkout"/> hold the Deployment (the second document, from its "---").</summary>
    private const int DeploymentFirstLine = 11;
    private const int DeploymentLastLine = 28;

    [Fact]
    public async Task A_commit_with_one_invalid_object_writes_nothing_keeps_the_previous_revision_and_names_file_line_and_object()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var good = await cluster.PushAsync("Add the shop", ShopApp.Files);
        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n  prune: true\n");
        await cluster.WaitForReadyAsync("shop", good);
        var before = await LiveObjects.SettledShopAsync(cluster);

        var bad = await cluster.PushAsync("Checkout service, green settings, no feature flags", BadChanges());
        var sync = await cluster.WaitForGitSyncAsync(
            "shop", s => s.IsFailingAt(Reasons.ValidationFailed, GitOpsCluster.Revision(bad)), "ValidationFailed at the bad commit");

        var message = sync.Ready()!.Message;
        Assert.Contains("Deployment", message, StringComparison.Ordinal);
        Assert.Contains("checkout-api", message, StringComparison.Ordinal);
        var line = int.Parse(LocationIn(message).Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(line, DeploymentFirstLine, DeploymentLastLine);
        Assert.Equal(GitOpsCluster.Revision(good), sync.Status!.LastAppliedRevision);
        Assert.Equal((GitOpsCluster.Revision(bad), HistoryEntry.Failed), (sync.Status.History[0].Revision, sync.Status.History[0].Result));
        var after = await LiveObjects.ShopAsync(cluster, "configmap/promotions", "service/checkout-api", "deployment/checkout-api");
        Assert.Equal(before, after);
        var row = KubectlTable.Parse(await cluster.KubectlAsync("get", "gsync", "-n", GitOpsCluster.Namespace)).Row("shop");
        Assert.Equal((GitOpsCluster.Revision(good), "False"), (row["REVISION"], row["READY"]));
        Assert.Contains("checkout.yaml", row["STATUS"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commit_fixing_an_invalid_object_applies_the_whole_change()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var good = await cluster.PushAsync("Add the shop", ShopApp.Files);
        await cluster.ApplyGitSyncAsync("shop", "  path: ./apps/shop\n  prune: true\n");
        await cluster.WaitForReadyAsync("shop", good);
        var bad = await cluster.PushAsync("Checkout service, green settings, no feature flags", BadChanges());
        await cluster.WaitForGitSyncAsync("shop", s => s.IsFailingAt(Reasons.ValidationFailed, GitOpsCluster.Revision(bad)), "ValidationFailed at the bad commit");

        var fix = await cluster.PushAsync("Fix the checkout selector", (CheckoutFile, Checkout(selector: "checkout")));
        var sync = await cluster.WaitForReadyAsync("shop", fix);

        var live = await LiveObjects.ShopAsync(cluster, "configmap/promotions", "service/checkout-api", "deployment/checkout-api");
        Assert.True(live.ContainsKey("Deployment/checkout-api") && live.ContainsKey("Service/checkout-api") && live.ContainsKey("ConfigMap/promotions"));
        Assert.False(live.ContainsKey("ConfigMap/features"));
        Assert.Equal("green", await cluster.KubectlAsync("get", "configmap", "settings", "-n", ShopApp.Namespace, "-o", "jsonpath={.data.color}"));
        Assert.Equal(
            [(GitOpsCluster.Revision(fix), HistoryEntry.Succeeded), (GitOpsCluster.Revision(bad), HistoryEntry.Failed), (GitOpsCluster.Revision(good), HistoryEntry.Succeeded)],
            sync.Status!.History.Select(h => (h.Revision, h.Result)));
    }

    /// <summary>Valid changes (a changed field, a new object, a deleted file) and a Deployment whose selector misses its template.</summary>
    private static (string Path, string? Content)[] BadChanges() =>
    [
        ($"{ShopApp.Path}/config/settings.yaml", ShopApp.Settings("green")),
        ($"{ShopApp.Path}/config/promotions.yaml", ShopApp.ConfigMap("promotions", "spring", "10%")),
        ($"{ShopApp.Path}/config/features.yaml", null),
        (CheckoutFile, Checkout(selector: "payments")),
    ];

    private static string Checkout(string selector) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: checkout-api
          namespace: shop
        spec:
          selector: { app: checkout }
          ports:
            - port: 80
              targetPort: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout-api
          namespace: shop
        spec:
          selector:
            matchLabels: { app: {{selector}} }
          template:
            metadata:
              labels: { app: checkout }
            spec:
              containers:
                - name: api
                  image: registry.example.com/shop/checkout:1.0
                  ports:
                    - containerPort: 8080
        """;

    private static Match LocationIn(string message)
    {
        var match = CheckoutLocation().Match(message);
        Assert.True(match.Success, $"the message names checkout.yaml with a line: {message}");
        return match;
    }

    [GeneratedRegex(@"checkout\.yaml:(?<line>\d+)")]
    private static partial Regex CheckoutLocation();
}
