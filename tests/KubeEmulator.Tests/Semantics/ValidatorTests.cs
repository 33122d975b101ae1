using System.Text.Json.Nodes;
using KubeEmulator.Api;
using KubeEmulator.Semantics;

namespace KubeEmulator.Tests.Semantics;

public class ValidatorTests
{
    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character " +
        "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character " +
        "(e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                             "spec":{"restartPolicy":"Always","containers":[{"name":"web","image":"nginx:1.27"}]}}}}
        """;

    [Fact]
    public void Missing_name_is_required()
    {
        var causes = Validator.ValidateCreate(Kinds.Get("v1", "ConfigMap"), Kinds.Parse("""{"metadata":{}}"""));

        var cause = Assert.Single(causes);
        Assert.Equal(new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name"), cause);
    }

    [Fact]
    public void Generate_name_may_end_with_a_dash()
    {
        Assert.Empty(Validator.ValidateCreate(Kinds.Get("v1", "ConfigMap"), Kinds.Parse("""{"metadata":{"generateName":"cfg-"}}""")));
    }

    [Theory]
    [InlineData("v1", "ConfigMap", "My_Config", SubdomainMessage)]
    [InlineData("apps/v1", "Deployment", "-web", SubdomainMessage)]
    [InlineData("v1", "Namespace", "Team.A", LabelMessage)]
    [InlineData("v1", "Namespace", "a.b", LabelMessage)]
    [InlineData("v1", "Service", "1web", Dns1035Message)]
    public void Invalid_name_reports_the_rule_of_its_kind(string apiVersion, string kind, string name, string expected)
    {
        var type = Kinds.Get(apiVersion, kind);

        var causes = Validator.ValidateCreate(type, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } })
            .Where(c => c.Field == "metadata.name");

        var cause = Assert.Single(causes);
        Assert.Equal("FieldValueInvalid", cause.Reason);
        Assert.Equal($"Invalid value: \"{name}\": {expected}", cause.Message);
    }

    [Theory]
    [InlineData("v1", "ConfigMap", "app.config")]
    [InlineData("v1", "Namespace", "team-a")]
    [InlineData("v1", "Service", "web-1")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "system:controller:gitops")]
    public void Valid_names_pass(string apiVersion, string kind, string name)
    {
        var causes = Validator.ValidateCreate(Kinds.Get(apiVersion, kind), new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });

        Assert.DoesNotContain(causes, c => c.Field.StartsWith("metadata", StringComparison.Ordinal));
    }

    [Fact]
    public void Name_longer_than_a_subdomain_allows_is_too_long()
    {
        var name = new string('a', 254);

        var causes = Validator.ValidateCreate(Kinds.Get("v1", "ConfigMap"), new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });

        Assert.Equal($"Invalid value: \"{name}\": must be no more than 253 characters", Assert.Single(causes).Message);
    }

    [Theory]
    [InlineData("-bad", "ok", "Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [InlineData("Example.com/app", "ok", "Invalid value: \"Example.com/app\": prefix part " + SubdomainMessage)]
    [InlineData("app", "bad value", "Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]
    public void Invalid_label_is_reported_on_metadata_labels(string key, string value, string expected)
    {
        var obj = Kinds.Parse(Deployment);
        obj["metadata"]!["labels"] = new JsonObject { [key] = value };

        var cause = Assert.Single(Validator.ValidateCreate(Kinds.Of(obj), obj));

        Assert.Equal("metadata.labels", cause.Field);
        Assert.Equal(expected, cause.Message);
    }

    [Fact]
    public void Valid_deployment_has_no_causes()
    {
        var obj = Kinds.Parse(Deployment);

        Assert.Empty(Validator.ValidateCreate(Kinds.Of(obj), obj));
    }

    public static TheoryData<string, string, string> DeploymentBreakages => new()
    {
        { "spec.selector", "null", "spec.selector: Required value" },
        { "spec.selector", """{"matchLabels":{"app":"other"}}""", "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`" },
        { "spec.selector", "{}", "spec.selector: Invalid value: {}: empty selector is invalid for deployment" },
        { "spec.replicas", "-1", "spec.replicas: Invalid value: -1: must be greater than or equal to 0" },
        { "spec.template.spec.containers", "[]", "spec.template.spec.containers: Required value" },
        { "spec.template.spec.containers", """[{"image":"nginx"}]""", "spec.template.spec.containers[0].name: Required value" },
        { "spec.template.spec.containers", """[{"name":"web"}]""", "spec.template.spec.containers[0].image: Required value" },
        { "spec.template.spec.containers", """[{"name":"Web","image":"nginx"}]""", "spec.template.spec.containers[0].name: Invalid value: \"Web\": " + LabelMessage },
        { "spec.template.spec.containers", """[{"name":"a","image":"x"},{"name":"a","image":"y"}]""", "spec.template.spec.containers[1].name: Duplicate value: \"a\"" },
        { "spec.template.spec.containers", """[{"name":"a","image":"x","ports":[{"containerPort":70000}]}]""", "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive" },
        { "spec.template.spec.containers", """[{"name":"a","image":"x","volumeMounts":[{"name":"data","mountPath":"/d"}]}]""", "spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"data\"" },
        { "spec.template.spec.containers", """[{"name":"a","image":"x","env":[{"value":"1"}]}]""", "spec.template.spec.containers[0].env[0].name: Required value" },
        { "spec.template.spec.restartPolicy", "\"OnFailure\"", "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"" },
        { "spec.strategy", """{"type":"Recreate","rollingUpdate":{"maxSurge":1}}""", "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'" },
        { "spec.selector", """{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In"}]}""", "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'" },
        { "spec.selector", """{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"Near","values":["a"]}]}""", "spec.selector.matchExpressions[0].operator: Invalid value: \"Near\": not a valid selector operator" },
        { "spec.selector", """{"matchLabels":{"app":"bad value"}}""", "spec.selector.matchLabels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" },
    };

    [Theory]
    [MemberData(nameof(DeploymentBreakages))]
    public void Broken_deployment_reports_the_cause(string path, string value, string expected)
    {
        var obj = Kinds.Parse(Deployment);
        Set(obj, path, JsonNode.Parse(value));

        var causes = Validator.ValidateCreate(Kinds.Of(obj), obj);

        Assert.Contains(expected, causes.Select(FieldErrors.Describe));
    }

    [Fact]
    public void Job_template_must_not_restart_always()
    {
        var job = Kinds.Parse("""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","uid":"u1"},
             "spec":{"template":{"spec":{"containers":[{"name":"pi","image":"perl"}]}}}}
            """);
        var type = Kinds.Of(job);
        Defaulter.Apply(type, job, () => "10.0.0.1");

        var causes = Validator.ValidateCreate(type, job);

        Assert.Equal(
            "Job.batch \"pi\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
            Validator.InvalidMessage(type, "pi", causes));
    }

    [Fact]
    public void Cron_job_needs_a_schedule()
    {
        var cronJob = Kinds.Parse("""
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"tick"},
             "spec":{"jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"t","image":"busybox"}]}}}}}}
            """);

        var causes = Validator.ValidateCreate(Kinds.Of(cronJob), cronJob);

        Assert.Equal(["spec.schedule: Required value"], causes.Select(FieldErrors.Describe));
    }

    public static TheoryData<string, string> ServiceBreakages => new()
    {
        { """{"ports":[]}""", "spec.ports: Required value" },
        { """{"ports":[{"port":0}]}""", "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive" },
        { """{"ports":[{"port":80},{"port":443}]}""", "spec.ports[0].name: Required value" },
        { """{"ports":[{"name":"http","port":80},{"name":"http","port":81}]}""", "spec.ports[1].name: Duplicate value: \"http\"" },
        { """{"type":"Magic","ports":[{"port":80}]}""", "spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"" },
        { """{"type":"ExternalName"}""", "spec.externalName: Required value" },
        { """{"ports":[{"port":80,"nodePort":30080}]}""", "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" },
        { """{"ports":[{"port":80,"protocol":"HTTP"}]}""", "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"" },
    };

    [Theory]
    [MemberData(nameof(ServiceBreakages))]
    public void Broken_service_reports_the_cause(string spec, string expected)
    {
        var service = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "web" }, ["spec"] = JsonNode.Parse(spec) };

        var causes = Validator.ValidateCreate(Kinds.Get("v1", "Service"), service);

        Assert.Contains(expected, causes.Select(FieldErrors.Describe));
    }

    [Theory]
    [InlineData("ConfigMap", """{"data":{"bad key":"x"}}""", "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")]
    [InlineData("ConfigMap", """{"data":{"..x":"x"}}""", "data[..x]: Invalid value: \"..x\": must not start with '..'")]
    [InlineData("ConfigMap", """{"data":{"k":"x"},"binaryData":{"k":"eA=="}}""", "data[k]: Invalid value: \"k\": duplicate of key present in binaryData")]
    [InlineData("Secret", """{"type":"kubernetes.io/tls","data":{"tls.crt":"eA=="}}""", "data[tls.key]: Required value")]
    public void Bad_data_keys_are_reported(string kind, string body, string expected)
    {
        var obj = Kinds.Parse(body);
        obj["metadata"] = new JsonObject { ["name"] = "cfg" };

        var causes = Validator.ValidateCreate(Kinds.Get("v1", kind), obj);

        Assert.Equal([expected], causes.Select(FieldErrors.Describe));
    }

    public static TheoryData<string, string> RbacAndIngressBreakages => new()
    {
        { """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r"},"rules":[{"apiGroups":[""],"resources":["pods"]}]}""",
            "rules[0].verbs: Required value: verbs must contain at least one value" },
        { """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"r"},"rules":[{"verbs":["get"],"resources":["pods"]}]}""",
            "rules[0].apiGroups: Required value: resource rules must supply at least one api group" },
        { """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r"},"rules":[{"verbs":["get"],"nonResourceURLs":["/healthz"]}]}""",
            "rules[0].nonResourceURLs: Invalid value: [\"/healthz\"]: namespaced rules cannot apply to non-resource URLs" },
        { """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"b"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"r"},"subjects":[]}""",
            "roleRef.kind: Unsupported value: \"Group\": supported values: \"Role\", \"ClusterRole\"" },
        { """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"b"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"r"},"subjects":[{"kind":"ServiceAccount","name":"sa"}]}""",
            "subjects[0].namespace: Required value" },
        { """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"b"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"r"},"subjects":[{"kind":"Robot","name":"x"}]}""",
            "subjects[0].kind: Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\", \"Group\"" },
        { """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i"},"spec":{"rules":[{"http":{"paths":[{"path":"/","backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}}""",
            "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified" },
        { """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i"},"spec":{"rules":[{"http":{"paths":[{"path":"api","pathType":"Prefix","backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}}""",
            "spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path" },
    };

    [Theory]
    [MemberData(nameof(RbacAndIngressBreakages))]
    public void Broken_rbac_and_ingress_objects_report_the_cause(string manifest, string expected)
    {
        var obj = Kinds.Parse(manifest);

        var causes = Validator.ValidateCreate(Kinds.Of(obj), obj);

        Assert.Equal([expected], causes.Select(FieldErrors.Describe));
    }

    [Fact]
    public void Crd_name_must_be_plural_dot_group()
    {
        var crd = Kinds.Parse("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.org"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","kind":"Widget"},
                     "versions":[{"name":"v1","served":true,"storage":true}]}}
            """);

        var causes = Validator.ValidateCreate(Kinds.Of(crd), crd);

        Assert.Equal(["metadata.name: Invalid value: \"widgets.example.org\": must be spec.names.plural+\".\"+spec.group"], causes.Select(FieldErrors.Describe));
    }

    [Fact]
    public void Changing_a_deployment_selector_is_an_immutable_field_error()
    {
        var type = Kinds.Get("apps/v1", "Deployment");
        var live = Kinds.Parse(Deployment);
        var updated = Kinds.Parse(Deployment);
        Set(updated, "spec.selector", JsonNode.Parse("""{"matchLabels":{"app":"web2"}}"""));
        Set(updated, "spec.template.metadata.labels", JsonNode.Parse("""{"app":"web2"}"""));

        var causes = Validator.ValidateUpdate(type, live, updated);

        var cause = Assert.Single(causes);
        Assert.Equal(new StatusCause("FieldValueInvalid", "Invalid value: {\"matchLabels\":{\"app\":\"web2\"}}: field is immutable", "spec.selector"), cause);
        Assert.Equal(
            "Deployment.apps \"web\" is invalid: spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web2\"}}: field is immutable",
            Validator.InvalidMessage(type, "web", causes));
    }

    [Fact]
    public void Scaling_a_deployment_is_a_valid_update()
    {
        var type = Kinds.Get("apps/v1", "Deployment");
        var updated = Kinds.Parse(Deployment);
        Set(updated, "spec.replicas", 5);

        Assert.Empty(Validator.ValidateUpdate(type, Kinds.Parse(Deployment), updated));
    }

    public static TheoryData<string, string, string, string> ImmutableUpdates => new()
    {
        {
            """{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"x:1"}]}}}}""",
            "spec.template.spec.containers.0.image", "\"x:2\"",
            "spec.template: Invalid value: {\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"x:2\"}]}}: field is immutable"
        },
        {
            """{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s"},"spec":{"serviceName":"a","selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"x"}]}}}}""",
            "spec.serviceName", "\"b\"",
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
        },
        {
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"clusterIP":"10.0.0.1","clusterIPs":["10.0.0.1"],"ports":[{"port":80}]}}""",
            "spec.clusterIPs", "[\"10.0.0.2\"]",
            "spec.clusterIPs[0]: Invalid value: [\"10.0.0.2\"]: may not change once set"
        },
        {
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"clusterIP":"10.0.0.1","clusterIPs":["10.0.0.1"],"ports":[{"port":80}]}}""",
            "spec.clusterIP", "\"10.0.0.2\"",
            "spec.clusterIPs[0]: Invalid value: [\"10.0.0.2\"]: may not change once set"
        },
        {
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"immutable":true,"type":"Opaque","data":{"a":"eA=="}}""",
            "data.a", "\"eQ==\"",
            "data: Forbidden: field is immutable when `immutable` is set"
        },
        {
            """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"type":"Opaque","data":{"a":"eA=="}}""",
            "type", "\"kubernetes.io/basic-auth\"",
            "type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable"
        },
        {
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"immutable":true,"data":{"a":"x"}}""",
            "immutable", "false",
            "immutable: Forbidden: field is immutable when `immutable` is set"
        },
        {
            """{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"c"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""",
            "spec.accessModes", "[\"ReadWriteMany\"]",
            "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
        },
        {
            """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"b"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"a"}}""",
            "roleRef.name", "\"b\"",
            "roleRef: Invalid value: {\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\",\"name\":\"b\"}: cannot change roleRef"
        },
        {
            """{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"s"},"provisioner":"a","parameters":{"type":"ssd"},"reclaimPolicy":"Delete","volumeBindingMode":"Immediate"}""",
            "parameters.type", "\"hdd\"",
            "parameters: Forbidden: updates to parameters are forbidden."
        },
        {
            """{"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"p"},"value":10,"preemptionPolicy":"PreemptLowerPriority"}""",
            "value", "20",
            "value: Forbidden: may not be changed in an update."
        },
        {
            """{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"completions":1,"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"x:1"}]}}}}""",
            "spec.completions", "2",
            "spec.completions: Invalid value: 2: field is immutable"
        },
        {
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}""",
            "metadata.name", "\"b\"",
            "metadata.name: Invalid value: \"b\": field is immutable"
        },
    };

    [Theory]
    [MemberData(nameof(ImmutableUpdates))]
    public void Changing_an_immutable_field_is_refused(string manifest, string path, string value, string expected)
    {
        var live = Kinds.Parse(manifest);
        var updated = Kinds.Parse(manifest);
        Set(updated, path, JsonNode.Parse(value));

        var causes = Validator.ValidateUpdate(Kinds.Of(live), live, updated);

        Assert.Contains(expected, causes.Select(FieldErrors.Describe));
    }

    [Fact]
    public void Equal_values_built_in_code_are_not_a_change()
    {
        var manifest = """{"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"p"},"value":10,"preemptionPolicy":"Never"}""";
        var updated = Kinds.Parse(manifest);
        updated["value"] = 10L;

        Assert.Empty(Validator.ValidateUpdate(Kinds.Get("scheduling.k8s.io/v1", "PriorityClass"), Kinds.Parse(manifest), updated));
    }

    [Fact]
    public void Growing_a_claim_is_a_valid_update()
    {
        var manifest = """{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"c"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""";
        var updated = Kinds.Parse(manifest);
        Set(updated, "spec.resources.requests.storage", "2Gi");

        Assert.Empty(Validator.ValidateUpdate(Kinds.Get("v1", "PersistentVolumeClaim"), Kinds.Parse(manifest), updated));
    }

    [Fact]
    public void Several_causes_are_joined_in_brackets_without_repeats()
    {
        var type = Kinds.Get("v1", "ConfigMap");
        StatusCause[] causes =
        [
            FieldErrors.Required("metadata.name", "name or generateName is required"),
            FieldErrors.Invalid("data[a b]", "a b", "bad"),
            FieldErrors.Invalid("data[a b]", "a b", "bad"),
        ];

        var message = Validator.InvalidMessage(type, "", causes);

        Assert.Equal("ConfigMap \"\" is invalid: [metadata.name: Required value: name or generateName is required, data[a b]: Invalid value: \"a b\": bad]", message);
    }

    private static void Set(JsonObject obj, string path, JsonNode? value)
    {
        var segments = path.Split('.');
        JsonNode parent = obj;
        foreach (var segment in segments[..^1])
        {
            parent = int.TryParse(segment, out var i) ? parent[i]! : parent[segment]!;
        }
        if (parent is JsonArray array)
        {
            array[int.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[segments[^1]] = value;
        }
    }
}
