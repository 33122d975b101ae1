using System.Text.Json.Nodes;

namespace KubeEmulator.Tests.Kubectl;

/// <summary>The imperative kubectl commands, whose typed clients send their objects as Kubernetes protobuf.</summary>
public sealed class KubectlImperativeTests
{
    [Fact]
    public async Task Create_deployment_keeps_image_replicas_and_port()
    {
        await using var session = await KubectlSession.StartAsync();

        var created = await session.MustRunAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "--port=8080");
        var deployment = await GetAsync(session, "deployment", "web");

        Assert.Contains("deployment.apps/web created", created.Stdout);
        Assert.Equal(3, (int)deployment["spec"]!["replicas"]!);
        Assert.Equal("web", (string?)deployment["spec"]!["selector"]!["matchLabels"]!["app"]);
        Assert.Equal("web", (string?)deployment["spec"]!["template"]!["metadata"]!["labels"]!["app"]);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx", (string?)container["name"]);
        Assert.Equal("nginx:1.27", (string?)container["image"]);
        Assert.Equal(8080, (int)container["ports"]![0]!["containerPort"]!);
    }

    [Fact]
    public async Task Run_creates_a_pod_with_image_labels_and_env()
    {
        await using var session = await KubectlSession.StartAsync();

        var created = await session.MustRunAsync("run", "box", "--image=busybox:1.36", "--env=MODE=test", "--labels=tier=debug",
            "--restart=Never", "--", "sleep", "3600");
        var pod = await GetAsync(session, "pod", "box");

        Assert.Contains("pod/box created", created.Stdout);
        Assert.Equal("debug", (string?)pod["metadata"]!["labels"]!["tier"]);
        Assert.Equal("Never", (string?)pod["spec"]!["restartPolicy"]);
        var container = pod["spec"]!["containers"]![0]!;
        Assert.Equal("busybox:1.36", (string?)container["image"]);
        Assert.Equal(["sleep", "3600"], container["args"]!.AsArray().Select(arg => (string?)arg));
        Assert.Equal("MODE", (string?)container["env"]![0]!["name"]);
        Assert.Equal("test", (string?)container["env"]![0]!["value"]);
    }

    [Fact]
    public async Task Create_service_clusterip_keeps_port_and_target_port()
    {
        await using var session = await KubectlSession.StartAsync();

        var created = await session.MustRunAsync("create", "service", "clusterip", "api", "--tcp=80:8080");
        var service = await GetAsync(session, "service", "api");

        Assert.Contains("service/api created", created.Stdout);
        Assert.Equal("ClusterIP", (string?)service["spec"]!["type"]);
        Assert.Equal("api", (string?)service["spec"]!["selector"]!["app"]);
        var port = service["spec"]!["ports"]![0]!;
        Assert.Equal(80, (int)port["port"]!);
        Assert.Equal(8080, (int)port["targetPort"]!);
        Assert.Equal("TCP", (string?)port["protocol"]);
    }

    [Fact]
    public async Task Expose_deployment_creates_a_service_selecting_its_pods()
    {
        await using var session = await KubectlSession.StartAsync();
        await session.MustRunAsync("create", "deployment", "web", "--image=nginx:1.27", "--port=8080");

        var exposed = await session.MustRunAsync("expose", "deployment", "web", "--port=80", "--target-port=8080");
        var service = await GetAsync(session, "service", "web");

        Assert.Contains("service/web exposed", exposed.Stdout);
        Assert.Equal("web", (string?)service["spec"]!["selector"]!["app"]);
        Assert.Equal(80, (int)service["spec"]!["ports"]![0]!["port"]!);
        Assert.Equal(8080, (int)service["spec"]!["ports"]![0]!["targetPort"]!);
    }

    [Fact]
    public async Task Create_job_keeps_image_and_restart_policy()
    {
        await using var session = await KubectlSession.StartAsync();

        var created = await session.MustRunAsync("create", "job", "once", "--image=busybox:1.36", "--", "echo", "hi");
        var job = await GetAsync(session, "job", "once");

        Assert.Contains("job.batch/once created", created.Stdout);
        var pod = job["spec"]!["template"]!["spec"]!;
        Assert.Equal("Never", (string?)pod["restartPolicy"]);
        Assert.Equal("busybox:1.36", (string?)pod["containers"]![0]!["image"]);
        Assert.Equal(["echo", "hi"], pod["containers"]![0]!["command"]!.AsArray().Select(arg => (string?)arg));
    }

    [Fact]
    public async Task Create_cronjob_keeps_schedule_and_job_template()
    {
        await using var session = await KubectlSession.StartAsync();

        var created = await session.MustRunAsync("create", "cronjob", "tick", "--image=busybox:1.36", "--schedule=*/1 * * * *");
        var cronJob = await GetAsync(session, "cronjob", "tick");

        Assert.Contains("cronjob.batch/tick created", created.Stdout);
        Assert.Equal("*/1 * * * *", (string?)cronJob["spec"]!["schedule"]);
        var pod = cronJob["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!;
        Assert.Equal("OnFailure", (string?)pod["restartPolicy"]);
        Assert.Equal("busybox:1.36", (string?)pod["containers"]![0]!["image"]);
    }

    [Fact]
    public async Task Create_serviceaccount_creates_it()
    {
        await using var session = await KubectlSession.StartAsync();

        var created = await session.MustRunAsync("create", "serviceaccount", "bot");
        var account = await GetAsync(session, "serviceaccount", "bot");

        Assert.Contains("serviceaccount/bot created", created.Stdout);
        Assert.Equal("bot", (string?)account["metadata"]!["name"]);
    }

    [Fact]
    public async Task Create_role_and_rolebinding_keep_rules_subjects_and_role_ref()
    {
        await using var session = await KubectlSession.StartAsync();

        await session.MustRunAsync("create", "role", "pod-reader", "--verb=get,list", "--resource=pods", "--resource-name=web");
        await session.MustRunAsync("create", "rolebinding", "read-pods", "--role=pod-reader", "--serviceaccount=default:bot", "--user=alice");
        var role = await GetAsync(session, "role", "pod-reader");
        var binding = await GetAsync(session, "rolebinding", "read-pods");

        var rule = role["rules"]![0]!;
        Assert.Equal(["get", "list"], rule["verbs"]!.AsArray().Select(verb => (string?)verb));
        Assert.Equal(["pods"], rule["resources"]!.AsArray().Select(resource => (string?)resource));
        Assert.Equal(["web"], rule["resourceNames"]!.AsArray().Select(name => (string?)name));
        Assert.Equal("Role", (string?)binding["roleRef"]!["kind"]);
        Assert.Equal("pod-reader", (string?)binding["roleRef"]!["name"]);
        Assert.Equal("rbac.authorization.k8s.io", (string?)binding["roleRef"]!["apiGroup"]);
        var subjects = binding["subjects"]!.AsArray();
        Assert.Contains(subjects, subject => (string?)subject!["kind"] == "ServiceAccount" && (string?)subject["name"] == "bot"
            && (string?)subject["namespace"] == "default");
        Assert.Contains(subjects, subject => (string?)subject!["kind"] == "User" && (string?)subject["name"] == "alice");
    }

    [Fact]
    public async Task Create_clusterrole_and_clusterrolebinding_keep_rules_subjects_and_role_ref()
    {
        await using var session = await KubectlSession.StartAsync();

        await session.MustRunAsync("create", "clusterrole", "deploy-reader", "--verb=get,watch", "--resource=deployments.apps");
        await session.MustRunAsync("create", "clusterrolebinding", "read-deploys", "--clusterrole=deploy-reader", "--group=devs");
        var role = await GetAsync(session, "clusterrole", "deploy-reader");
        var binding = await GetAsync(session, "clusterrolebinding", "read-deploys");

        var rule = role["rules"]![0]!;
        Assert.Equal(["get", "watch"], rule["verbs"]!.AsArray().Select(verb => (string?)verb));
        Assert.Equal(["apps"], rule["apiGroups"]!.AsArray().Select(group => (string?)group));
        Assert.Equal(["deployments"], rule["resources"]!.AsArray().Select(resource => (string?)resource));
        Assert.Equal("ClusterRole", (string?)binding["roleRef"]!["kind"]);
        Assert.Equal("deploy-reader", (string?)binding["roleRef"]!["name"]);
        Assert.Equal("Group", (string?)binding["subjects"]![0]!["kind"]);
        Assert.Equal("devs", (string?)binding["subjects"]![0]!["name"]);
    }

    [Fact]
    public async Task Create_of_a_kind_without_a_descriptor_is_refused_as_an_unknown_format()
    {
        await using var session = await KubectlSession.StartAsync();

        var result = await session.Kubectl.RunAsync("create", "poddisruptionbudget", "web", "--selector=app=web", "--min-available=1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown format", result.Output);
    }

    private static async Task<JsonNode> GetAsync(KubectlSession session, string resource, string name)
    {
        var result = await session.MustRunAsync("get", resource, name, "-o", "json");
        return JsonNode.Parse(result.Stdout)!;
    }
}
