using System.Text.Json.Nodes;
using KubeEmulator.Semantics;

namespace KubeEmulator.Tests.Semantics;

public class DefaulterTests
{
    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
         "spec":{"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                             "spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}],
                                                    "resources":{"limits":{"cpu":"1000m","memory":"1024Mi"},"requests":{"cpu":0.5}},
                                                    "readinessProbe":{"httpGet":{"port":80}}}]}}}}
        """;

    private const string StatefulSet = """
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db"},
         "spec":{"selector":{"matchLabels":{"app":"db"}},"serviceName":"db",
                 "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db","image":"postgres"}]}},
                 "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"]}}]}}
        """;

    private const string DaemonSet = """
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent"},
         "spec":{"selector":{"matchLabels":{"app":"agent"}},
                 "template":{"metadata":{"labels":{"app":"agent"}},"spec":{"containers":[{"name":"a","image":"agent@sha256:abc"}]}}}}
        """;

    private const string ReplicaSet = """
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs"},
         "spec":{"selector":{"matchLabels":{"app":"rs"}},"template":{"metadata":{"labels":{"app":"rs"}},"spec":{"containers":[{"name":"a","image":"a:latest"}]}}}}
        """;

    private const string Job = """
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","uid":"1234-abcd"},
         "spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"pi","image":"perl:5.34"}]}}}}
        """;

    private const string CronJob = """
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"tick"},
         "spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"t","image":"busybox"}]}}}}}}
        """;

    private const string Pod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
         "spec":{"containers":[{"name":"c","image":"registry:5000/app","resources":{"limits":{"cpu":"1"}}}],
                 "volumes":[{"name":"cfg","configMap":{"name":"cfg"}},{"name":"scratch"},
                            {"name":"token","projected":{"sources":[{"serviceAccountToken":{"path":"token"}}]}}]}}
        """;

    private const string Service = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
         "spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}
        """;

    private const string NodePortService = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
         "spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80,"targetPort":"http","protocol":"UDP"}]}}
        """;

    private const string HeadlessService = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"db"},"spec":{"clusterIP":"None","selector":{"app":"db"},"ports":[{"port":5432}]}}
        """;

    private const string ExternalNameService = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"ext"},"spec":{"type":"ExternalName","externalName":"example.com"}}
        """;

    private const string Secret = """
        {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"a":"eA=="},"stringData":{"password":"hunter2","a":"new"}}
        """;

    private const string Namespace = """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}""";

    private const string Claim = """{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"c"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"2048Mi"}}}}""";

    private const string Volume = """{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv"},"spec":{"capacity":{"storage":"1Gi"},"hostPath":{"path":"/d"}}}""";

    private const string Endpoints = """{"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"e"},"subsets":[{"addresses":[{"ip":"10.0.0.1"}],"ports":[{"port":80}]}]}""";

    private const string PriorityClass = """{"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"high"},"value":1000}""";

    private const string StorageClass = """{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"fast"},"provisioner":"x"}""";

    private const string Crd = """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","kind":"Widget"},"versions":[]}}
        """;

    private const string NetworkPolicy = """
        {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"np"},
         "spec":{"podSelector":{},"ingress":[{"ports":[{"port":80}]}],"egress":[{}]}}
        """;

    private const string RoleBinding = """
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"rb"},
         "roleRef":{"kind":"Role","name":"r"},
         "subjects":[{"kind":"User","name":"jane"},{"kind":"ServiceAccount","name":"sa","namespace":"default"}]}
        """;

    private const string Hpa = """
        {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"h"},
         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":5}}
        """;

    public static TheoryData<string, string, string> Defaults => new()
    {
        { Deployment, "spec.replicas", "1" },
        { Deployment, "spec.strategy", """{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}}""" },
        { Deployment, "spec.revisionHistoryLimit", "10" },
        { Deployment, "spec.progressDeadlineSeconds", "600" },
        { Deployment, "spec.template.spec.restartPolicy", "\"Always\"" },
        { Deployment, "spec.template.spec.dnsPolicy", "\"ClusterFirst\"" },
        { Deployment, "spec.template.spec.terminationGracePeriodSeconds", "30" },
        { Deployment, "spec.template.spec.schedulerName", "\"default-scheduler\"" },
        { Deployment, "spec.template.spec.securityContext", "{}" },
        { Deployment, "spec.template.spec.containers.0.imagePullPolicy", "\"IfNotPresent\"" },
        { Deployment, "spec.template.spec.containers.0.terminationMessagePath", "\"/dev/termination-log\"" },
        { Deployment, "spec.template.spec.containers.0.terminationMessagePolicy", "\"File\"" },
        { Deployment, "spec.template.spec.containers.0.resources", """{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"500m"}}""" },
        { StatefulSet, "spec.template.spec.containers.0.resources", "{}" },
        { Deployment, "spec.template.spec.containers.0.ports.0.protocol", "\"TCP\"" },
        { Deployment, "spec.template.spec.containers.0.readinessProbe",
            """{"httpGet":{"port":80,"path":"/","scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3}""" },
        { StatefulSet, "spec.replicas", "1" },
        { StatefulSet, "spec.podManagementPolicy", "\"OrderedReady\"" },
        { StatefulSet, "spec.updateStrategy", """{"type":"RollingUpdate","rollingUpdate":{"partition":0}}""" },
        { StatefulSet, "spec.revisionHistoryLimit", "10" },
        { StatefulSet, "spec.persistentVolumeClaimRetentionPolicy", """{"whenDeleted":"Retain","whenScaled":"Retain"}""" },
        { StatefulSet, "spec.template.spec.containers.0.imagePullPolicy", "\"Always\"" },
        { StatefulSet, "spec.volumeClaimTemplates.0.spec.volumeMode", "\"Filesystem\"" },
        { DaemonSet, "spec.updateStrategy", """{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1,"maxSurge":0}}""" },
        { DaemonSet, "spec.revisionHistoryLimit", "10" },
        { DaemonSet, "spec.template.spec.containers.0.imagePullPolicy", "\"IfNotPresent\"" },
        { ReplicaSet, "spec.replicas", "1" },
        { ReplicaSet, "spec.template.spec.containers.0.imagePullPolicy", "\"Always\"" },
        { Job, "spec.parallelism", "1" },
        { Job, "spec.completions", "1" },
        { Job, "spec.backoffLimit", "6" },
        { Job, "spec.completionMode", "\"NonIndexed\"" },
        { Job, "spec.suspend", "false" },
        { Job, "spec.podReplacementPolicy", "\"TerminatingOrFailed\"" },
        { Job, "spec.manualSelector", "null" },
        { Job, "spec.selector", """{"matchLabels":{"batch.kubernetes.io/controller-uid":"1234-abcd"}}""" },
        { Job, "spec.template.metadata.labels",
            """{"job-name":"pi","batch.kubernetes.io/job-name":"pi","controller-uid":"1234-abcd","batch.kubernetes.io/controller-uid":"1234-abcd"}""" },
        { Job, "metadata.labels",
            """{"job-name":"pi","batch.kubernetes.io/job-name":"pi","controller-uid":"1234-abcd","batch.kubernetes.io/controller-uid":"1234-abcd"}""" },
        { Job, "spec.template.spec.restartPolicy", "\"Never\"" },
        { CronJob, "spec.concurrencyPolicy", "\"Allow\"" },
        { CronJob, "spec.suspend", "false" },
        { CronJob, "spec.successfulJobsHistoryLimit", "3" },
        { CronJob, "spec.failedJobsHistoryLimit", "1" },
        { CronJob, "spec.jobTemplate.spec.backoffLimit", "null" },
        { CronJob, "spec.jobTemplate.spec.template.spec.dnsPolicy", "\"ClusterFirst\"" },
        { Pod, "spec.restartPolicy", "\"Always\"" },
        { Pod, "spec.enableServiceLinks", "true" },
        { Pod, "spec.containers.0.imagePullPolicy", "\"Always\"" },
        { Pod, "spec.containers.0.resources", """{"limits":{"cpu":"1"},"requests":{"cpu":"1"}}""" },
        { Pod, "spec.volumes.0.configMap", """{"name":"cfg","defaultMode":420}""" },
        { Pod, "spec.volumes.1", """{"name":"scratch","emptyDir":{}}""" },
        { Pod, "spec.volumes.2.projected", """{"sources":[{"serviceAccountToken":{"path":"token","expirationSeconds":3600}}],"defaultMode":420}""" },
        { Deployment, "spec.template.spec.enableServiceLinks", "null" },
        { Service, "spec.type", "\"ClusterIP\"" },
        { Service, "spec.sessionAffinity", "\"None\"" },
        { Service, "spec.clusterIP", "\"10.96.0.10\"" },
        { Service, "spec.clusterIPs", """["10.96.0.10"]""" },
        { Service, "spec.ipFamilies", """["IPv4"]""" },
        { Service, "spec.ipFamilyPolicy", "\"SingleStack\"" },
        { Service, "spec.internalTrafficPolicy", "\"Cluster\"" },
        { Service, "spec.ports.0", """{"port":80,"protocol":"TCP","targetPort":80}""" },
        { Service, "spec.externalTrafficPolicy", "null" },
        { NodePortService, "spec.externalTrafficPolicy", "\"Cluster\"" },
        { NodePortService, "spec.ports.0.targetPort", "\"http\"" },
        { NodePortService, "spec.ports.0.protocol", "\"UDP\"" },
        { HeadlessService, "spec.clusterIP", "\"None\"" },
        { HeadlessService, "spec.clusterIPs", """["None"]""" },
        { ExternalNameService, "spec.clusterIP", "null" },
        { ExternalNameService, "spec.internalTrafficPolicy", "null" },
        { Secret, "type", "\"Opaque\"" },
        { Secret, "data", """{"a":"bmV3","password":"aHVudGVyMg=="}""" },
        { Secret, "stringData", "null" },
        { Namespace, "metadata.labels", """{"kubernetes.io/metadata.name":"team-a"}""" },
        { Namespace, "spec.finalizers", """["kubernetes"]""" },
        { Namespace, "status.phase", "\"Active\"" },
        { Claim, "spec.volumeMode", "\"Filesystem\"" },
        { Claim, "status.phase", "\"Pending\"" },
        { Claim, "spec.resources.requests.storage", "\"2Gi\"" },
        { Volume, "spec.persistentVolumeReclaimPolicy", "\"Retain\"" },
        { Volume, "spec.volumeMode", "\"Filesystem\"" },
        { Volume, "status.phase", "\"Pending\"" },
        { Endpoints, "subsets.0.ports.0.protocol", "\"TCP\"" },
        { PriorityClass, "preemptionPolicy", "\"PreemptLowerPriority\"" },
        { StorageClass, "reclaimPolicy", "\"Delete\"" },
        { StorageClass, "volumeBindingMode", "\"Immediate\"" },
        { Crd, "spec.conversion", """{"strategy":"None"}""" },
        { Crd, "spec.names", """{"plural":"widgets","kind":"Widget","singular":"widget","listKind":"WidgetList"}""" },
        { NetworkPolicy, "spec.policyTypes", """["Ingress","Egress"]""" },
        { NetworkPolicy, "spec.ingress.0.ports.0.protocol", "\"TCP\"" },
        { RoleBinding, "subjects.0.apiGroup", "\"rbac.authorization.k8s.io\"" },
        { RoleBinding, "subjects.1.apiGroup", "null" },
        { RoleBinding, "roleRef.apiGroup", "\"rbac.authorization.k8s.io\"" },
        { Hpa, "spec.minReplicas", "1" },
        { Hpa, "spec.metrics", """[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}}]""" },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Created_object_gets_the_server_default(string manifest, string path, string expected)
    {
        var obj = Kinds.Parse(manifest);

        Defaulter.Apply(Kinds.Of(obj), obj, () => "10.96.0.10");

        var actual = Kinds.At(obj, path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"{path}: expected {expected}, got {actual?.ToJsonString() ?? "null"}");
    }

    [Theory]
    [InlineData(Deployment)]
    [InlineData(StatefulSet)]
    [InlineData(Job)]
    [InlineData(Service)]
    [InlineData(Secret)]
    [InlineData(Namespace)]
    public void Defaulting_twice_changes_nothing_more(string manifest)
    {
        var obj = Kinds.Parse(manifest);
        var type = Kinds.Of(obj);
        Defaulter.Apply(type, obj, () => "10.96.0.10");
        var once = obj.DeepClone();

        Defaulter.Apply(type, obj, () => "10.96.0.99");

        Assert.True(JsonNode.DeepEquals(once, obj), obj.ToJsonString());
    }

    [Theory]
    [InlineData(Deployment)]
    [InlineData(StatefulSet)]
    [InlineData(DaemonSet)]
    [InlineData(ReplicaSet)]
    [InlineData(Job)]
    [InlineData(CronJob)]
    [InlineData(Pod)]
    [InlineData(Service)]
    [InlineData(NodePortService)]
    [InlineData(Secret)]
    [InlineData(Namespace)]
    [InlineData(Claim)]
    [InlineData(Volume)]
    [InlineData(Endpoints)]
    [InlineData(PriorityClass)]
    [InlineData(StorageClass)]
    [InlineData(Crd)]
    [InlineData(NetworkPolicy)]
    [InlineData(RoleBinding)]
    [InlineData(Hpa)]
    public void Defaults_use_only_fields_the_kind_defines(string manifest)
    {
        var obj = Kinds.Parse(manifest);
        var type = Kinds.Of(obj);

        Defaulter.Apply(type, obj, () => "10.96.0.10");

        Assert.Empty(UnknownFields.Find(type, obj));
    }

    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("nginx:1.27", "IfNotPresent")]
    [InlineData("registry:5000/app", "Always")]
    [InlineData("registry:5000/app:v2", "IfNotPresent")]
    [InlineData("app@sha256:0123abcd", "IfNotPresent")]
    [InlineData("app:latest@sha256:0123abcd", "Always")]
    [InlineData("app:1.0@sha256:0123abcd", "IfNotPresent")]
    public void Image_pull_policy_follows_the_tag(string image, string expected)
    {
        var pod = Kinds.Parse($$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"{{{image}}}"}]}}""");

        Defaulter.Apply(Kinds.Of(pod), pod, () => "10.96.0.1");

        Assert.Equal(expected, Kinds.At(pod, "spec.containers.0.imagePullPolicy")!.GetValue<string>());
    }

    [Fact]
    public void Explicit_values_are_kept()
    {
        var deployment = Kinds.Parse(Deployment);
        deployment["spec"]!["replicas"] = 0;
        deployment["spec"]!["strategy"] = new JsonObject { ["type"] = "Recreate" };

        Defaulter.Apply(Kinds.Of(deployment), deployment, () => "10.96.0.1");

        Assert.Equal(0, Kinds.At(deployment, "spec.replicas")!.GetValue<int>());
        Assert.Equal("""{"type":"Recreate"}""", Kinds.At(deployment, "spec.strategy")!.ToJsonString());
    }

    [Fact]
    public void Replaced_service_keeps_its_allocated_cluster_ip()
    {
        var type = Kinds.Get("v1", "Service");
        var live = Kinds.Parse(Service);
        Defaulter.Apply(type, live, () => "10.96.0.10");
        var replacement = Kinds.Parse(Service);

        Defaulter.ApplyUpdate(type, live, replacement, () => "10.96.0.77");

        Assert.Equal("10.96.0.10", Kinds.At(replacement, "spec.clusterIP")!.GetValue<string>());
        Assert.Empty(Validator.ValidateUpdate(type, live, replacement));
    }

    [Theory]
    [InlineData("NodePort", "Cluster")]
    [InlineData("LoadBalancer", "Local")]
    public void Node_ports_are_allocated_in_range_and_kept_on_replace(string type, string trafficPolicy)
    {
        var manifest = $$$"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
             "spec":{"type":"{{{type}}}","externalTrafficPolicy":"{{{trafficPolicy}}}","selector":{"app":"web"},
                     "ports":[{"name":"http","port":80},{"name":"https","port":443,"nodePort":30443}]}}
            """;
        var serviceType = Kinds.Get("v1", "Service");
        var live = Kinds.Parse(manifest);
        Defaulter.Apply(serviceType, live, () => "10.96.0.10");
        var replacement = Kinds.Parse(manifest);

        Defaulter.ApplyUpdate(serviceType, live, replacement, () => "10.96.0.11");

        var allocated = Kinds.At(live, "spec.ports.0.nodePort")!.GetValue<long>();
        Assert.InRange(allocated, 30000, 32767);
        Assert.NotEqual(30443, allocated);
        Assert.Equal(30443, Kinds.At(live, "spec.ports.1.nodePort")!.GetValue<int>());
        Assert.Equal(allocated, Kinds.At(replacement, "spec.ports.0.nodePort")!.GetValue<long>());
        Assert.Equal(trafficPolicy == "Local", Kinds.At(live, "spec.healthCheckNodePort") is not null);
        Assert.Empty(Validator.ValidateUpdate(serviceType, live, replacement));
    }

    [Fact]
    public void Cluster_ip_service_gets_no_node_port()
    {
        var service = Kinds.Parse(Service);

        Defaulter.Apply(Kinds.Of(service), service, () => "10.96.0.10");

        Assert.Null(Kinds.At(service, "spec.ports.0.nodePort"));
    }

    [Fact]
    public void Job_with_manual_selector_gets_no_generated_labels()
    {
        var job = Kinds.Parse(Job);
        job["spec"]!["manualSelector"] = true;

        Defaulter.Apply(Kinds.Of(job), job, () => "10.96.0.1");

        Assert.Null(Kinds.At(job, "spec.selector"));
        Assert.Null(Kinds.At(job, "spec.template.metadata"));
    }
}
