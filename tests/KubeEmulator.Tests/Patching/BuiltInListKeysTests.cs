using KubeEmulator.Patching;

namespace KubeEmulator.Tests.Patching;

public class BuiltInListKeysTests
{
    [Theory]
    [InlineData("spec.template.spec.containers", "name")]
    [InlineData("spec.containers", "name")]
    [InlineData("spec.jobTemplate.spec.template.spec.initContainers", "name")]
    [InlineData("spec.ephemeralContainers", "name")]
    [InlineData("spec.template.spec.containers.env", "name")]
    [InlineData("spec.template.spec.containers.ports", "containerPort,protocol")]
    [InlineData("spec.initContainers.ports", "containerPort,protocol")]
    [InlineData("spec.ports", "port,protocol")]
    [InlineData("spec.template.spec.volumes", "name")]
    [InlineData("spec.containers.volumeMounts", "mountPath")]
    [InlineData("spec.containers.volumeDevices", "devicePath")]
    [InlineData("spec.template.spec.imagePullSecrets", "name")]
    [InlineData("imagePullSecrets", "name")]
    [InlineData("metadata.ownerReferences", "uid")]
    [InlineData("status.conditions", "type")]
    [InlineData("spec.hostAliases", "ip")]
    [InlineData("spec.template.spec.topologySpreadConstraints", "topologyKey,whenUnsatisfiable")]
    [InlineData("spec.template.spec.tolerations", null)]
    [InlineData("rules", null)]
    [InlineData("subjects", null)]
    [InlineData("spec.template.spec.containers.args", null)]
    [InlineData("spec.ingress.ports", null)]
    [InlineData("metadata.finalizers", null)]
    public void List_keys_follow_the_kubernetes_openapi(string path, string? keys)
    {
        var found = BuiltInListKeys.Instance.KeysFor(path.Split('.'));

        Assert.Equal(keys, found is null ? null : string.Join(",", found));
    }

    [Theory]
    [InlineData("metadata.finalizers", true)]
    [InlineData("spec.template.spec.containers.args", false)]
    [InlineData("spec.finalizers", false)]
    public void Only_finalizers_are_a_set(string path, bool isSet)
    {
        Assert.Equal(isSet, BuiltInListKeys.Instance.IsSet(path.Split('.')));
    }

    [Theory]
    [InlineData("spec.containers.ports", "protocol", "TCP")]
    [InlineData("spec.ports", "protocol", "TCP")]
    [InlineData("spec.containers", "name", null)]
    public void Omitted_protocol_keys_as_tcp(string path, string key, string? expected)
    {
        IListKeyResolver keys = BuiltInListKeys.Instance;

        Assert.Equal(expected, (string?)keys.KeyDefault(path.Split('.'), key));
    }
}
