using System.Text.Json;
using KubeEmulator.Tests.Core;

namespace KubeEmulator.Tests.Kubectl;

public sealed class KubectlTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Api_resources_lists_the_built_in_kinds()
    {
        await using var session = await KubectlSession.StartAsync();

        var result = await session.MustRunAsync("api-resources");

        Assert.Contains("deployments", result.Stdout);
        Assert.Contains("apps/v1", result.Stdout);
        Assert.Contains("customresourcedefinitions", result.Stdout);
    }

    [Fact]
    public async Task Create_namespace_creates_it()
    {
        await using var session = await KubectlSession.StartAsync();

        var created = await session.MustRunAsync("create", "namespace", "shop");
        var listed = await session.MustRunAsync("get", "namespaces");

        Assert.Contains("namespace/shop created", created.Stdout);
        Assert.Matches(@"shop\s+Active", listed.Stdout);
    }

    [Fact]
    public async Task Client_side_apply_of_a_directory_twice_reports_unchanged_and_bumps_nothing()
    {
        await using var session = await KubectlSession.StartAsync();

        var first = await session.MustRunAsync("apply", "-f", KubectlSession.Manifests);
        var versions = await ResourceVersionsAsync(session);
        var second = await session.MustRunAsync("apply", "-f", KubectlSession.Manifests);

        Assert.Contains("deployment.apps/web created", first.Stdout);
        Assert.Contains("clusterrole.rbac.authorization.k8s.io/shop-reader created", first.Stdout);
        Assert.DoesNotContain("configured", second.Stdout);
        Assert.Contains("deployment.apps/web unchanged", second.Stdout);
        Assert.Contains("configmap/settings unchanged", second.Stdout);
        Assert.Equal(versions, await ResourceVersionsAsync(session));
    }

    [Fact]
    public async Task Server_side_apply_of_a_directory_twice_bumps_nothing()
    {
        await using var session = await KubectlSession.StartAsync();

        var first = await session.MustRunAsync("apply", "--server-side", "-f", KubectlSession.Manifests);
        var versions = await ResourceVersionsAsync(session);
        await session.MustRunAsync("apply", "--server-side", "-f", KubectlSession.Manifests);

        Assert.Contains("deployment.apps/web serverside-applied", first.Stdout);
        Assert.Contains("secret/credentials serverside-applied", first.Stdout);
        Assert.Equal(versions, await ResourceVersionsAsync(session));
    }

    [Fact]
    public async Task Get_prints_yaml_json_and_tables()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("apply", "--server-side", "-f", KubectlSession.Manifests);

        var yaml = await session.MustRunAsync("get", "deployment", "web", "-n", "shop", "-o", "yaml");
        var json = await session.MustRunAsync("get", "service", "web", "-n", "shop", "-o", "json");
        var table = await session.MustRunAsync("get", "deployments,services", "-n", "shop");

        Assert.Contains("kind: Deployment", yaml.Stdout);
        Assert.Contains("imagePullPolicy: IfNotPresent", yaml.Stdout);
        using var service = JsonDocument.Parse(json.Stdout);
        Assert.StartsWith("10.", service.RootElement.GetProperty("spec").GetProperty("clusterIP").GetString());
        Assert.Matches(@"NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE", table.Stdout);
        Assert.Matches(@"service/web\s+ClusterIP\s+10\.", table.Stdout);
    }

    [Fact]
    public async Task Get_custom_resources_prints_their_printer_columns()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("apply", "-f", session.WriteManifest(Widgets.CrdYaml));
        await session.MustRunAsync("wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=20s");
        await session.MustRunAsync("apply", "-f", session.WriteManifest("""
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: sprocket
              namespace: default
            spec:
              size: 7
            """));

        var table = await session.MustRunAsync("get", "widgets");
        var byShortName = await session.MustRunAsync("get", "wd", "sprocket", "-o", "name");

        Assert.Matches(@"NAME\s+SIZE", table.Stdout);
        Assert.Matches(@"sprocket\s+7\s+", table.Stdout);
        Assert.Contains("widget.example.com/sprocket", byShortName.Stdout);
    }

    [Fact]
    public async Task Diff_server_side_exits_1_with_the_change_and_0_without()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("apply", "--server-side", "-f", KubectlSession.Manifests);
        var changed = session.WriteManifest(File.ReadAllText(Path.Combine(KubectlSession.Manifests, "20-web.yaml")).Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal));

        var same = await session.Kubectl.RunAsync("diff", "--server-side", "-f", KubectlSession.Manifests);
        var different = await session.Kubectl.RunAsync("diff", "--server-side", "-f", changed);

        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.True(different.ExitCode == 1, different.ToString());
        Assert.Contains("-  replicas: 2", different.Stdout);
        Assert.Contains("+  replicas: 3", different.Stdout);
    }

    [Fact]
    public async Task Delete_removes_the_objects()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("apply", "-f", KubectlSession.Manifests);

        var deleted = await session.MustRunAsync("delete", "-f", Path.Combine(KubectlSession.Manifests, "20-web.yaml"));
        var get = await session.Kubectl.RunAsync("get", "deployment", "web", "-n", "shop");

        Assert.Contains("deployment.apps \"web\" deleted", deleted.Stdout);
        Assert.NotEqual(0, get.ExitCode);
        Assert.Contains("Error from server (NotFound): deployments.apps \"web\" not found", get.Stderr);
    }

    [Fact]
    public async Task Wait_for_available_returns_once_the_controllers_report_it()
    {
        await using var session = await KubectlSession.StartAsync(controllers: true);
        await session.MustRunAsync("apply", "--server-side", "-f", KubectlSession.Manifests);

        var waited = await session.MustRunAsync("wait", "--for=condition=Available", "deployment/web", "-n", "shop", "--timeout=30s");

        Assert.Contains("deployment.apps/web condition met", waited.Stdout);
    }

    [Fact]
    public async Task Get_watch_sees_a_later_update()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("apply", "-f", KubectlSession.Manifests);
        using var watch = session.Kubectl.Start("get", "configmap", "settings", "-n", "shop", "-w", "-o", "jsonpath={.data.color}{\"\\n\"}");
        Assert.True(await watch.WaitForLineAsync(l => l == "blue", Deadline), string.Join('\n', watch.Lines));

        await session.MustRunAsync("patch", "configmap", "settings", "-n", "shop", "--type=merge", "-p", """{"data":{"color":"green"}}""");

        Assert.True(await watch.WaitForLineAsync(l => l == "green", Deadline), string.Join('\n', watch.Lines));
    }

    [Fact]
    public async Task Server_side_apply_conflict_then_force_conflicts_takes_ownership()
    {
        await using var session = await KubectlSession.StartAsync();
        await CreateShopNamespaceAsync(session);
        var config = Path.Combine(KubectlSession.Manifests, "10-config.yaml");
        await session.MustRunAsync("apply", "--server-side", "--field-manager=a", "-f", config);
        var theirs = session.WriteManifest(File.ReadAllText(config).Replace("color: blue", "color: red", StringComparison.Ordinal));

        var conflict = await session.Kubectl.RunAsync("apply", "--server-side", "--field-manager=b", "-f", theirs);
        await session.MustRunAsync("apply", "--server-side", "--field-manager=b", "--force-conflicts", "-f", theirs);
        var color = await session.MustRunAsync("get", "configmap", "settings", "-n", "shop", "-o", "jsonpath={.data.color}");

        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"a\": .data.color", conflict.Stderr);
        Assert.Equal("red", color.Stdout);
    }

    [Fact]
    public async Task A_field_removed_from_a_reapplied_manifest_disappears()
    {
        await using var session = await KubectlSession.StartAsync();
        await CreateShopNamespaceAsync(session);
        var config = Path.Combine(KubectlSession.Manifests, "10-config.yaml");
        await session.MustRunAsync("apply", "--server-side", "-f", config);
        var smaller = session.WriteManifest(File.ReadAllText(config).Replace("  size: large\n", "", StringComparison.Ordinal));

        await session.MustRunAsync("apply", "--server-side", "-f", smaller);
        var data = await session.MustRunAsync("get", "configmap", "settings", "-n", "shop", "-o", "jsonpath={.data}");

        Assert.Equal("""{"color":"blue"}""", data.Stdout);
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_is_a_conflict()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("apply", "-f", KubectlSession.Manifests);
        var stale = (await session.MustRunAsync("get", "configmap", "settings", "-n", "shop", "-o", "yaml")).Stdout;
        await session.MustRunAsync("patch", "configmap", "settings", "-n", "shop", "--type=merge", "-p", """{"data":{"color":"green"}}""");

        var replaced = await session.Kubectl.RunWithInputAsync(stale, "replace", "-f", "-");

        Assert.NotEqual(0, replaced.ExitCode);
        Assert.Contains("Operation cannot be fulfilled on configmaps \"settings\": the object has been modified; please apply your changes to the latest version and try again", replaced.Stderr);
    }

    [Fact]
    public async Task Create_of_an_invalid_object_prints_the_invalid_error()
    {
        await using var session = await KubectlSession.StartAsync();
        var invalid = session.WriteManifest("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Bad_Name
              namespace: default
            """);

        var created = await session.Kubectl.RunAsync("create", "-f", invalid);

        Assert.NotEqual(0, created.ExitCode);
        Assert.Contains("The ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\"", created.Stderr);
    }

    [Fact]
    public async Task Immutable_selector_change_prints_the_invalid_error()
    {
        await using var session = await KubectlSession.StartAsync();
        await CreateShopNamespaceAsync(session);
        var web = Path.Combine(KubectlSession.Manifests, "20-web.yaml");
        await session.MustRunAsync("apply", "--server-side", "-f", web);
        var moved = session.WriteManifest(File.ReadAllText(web).Replace("app: web", "app: shop", StringComparison.Ordinal));

        var applied = await session.Kubectl.RunAsync("apply", "--server-side", "-f", moved);

        Assert.NotEqual(0, applied.ExitCode);
        Assert.Contains("The Deployment \"web\" is invalid: spec.selector: Invalid value:", applied.Stderr);
        Assert.Contains("field is immutable", applied.Stderr);
    }

    private static Task<CommandResult> CreateShopNamespaceAsync(KubectlSession session) =>
        session.MustRunAsync("apply", "-f", Path.Combine(KubectlSession.Manifests, "00-namespace.yaml"));

    private static async Task<string> ResourceVersionsAsync(KubectlSession session)
    {
        var result = await session.MustRunAsync("get", "namespaces,configmaps,secrets,deployments,services,serviceaccounts,clusterroles", "-A",
            "-o", "jsonpath={range .items[*]}{.kind}/{.metadata.name}={.metadata.resourceVersion}{\"\\n\"}{end}");
        return result.Stdout;
    }
}
