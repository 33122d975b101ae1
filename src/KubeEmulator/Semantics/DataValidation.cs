using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Names;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>ConfigMap and Secret keys, and the keys a typed Secret must carry.</summary>
internal static class DataValidation
{
    public static IEnumerable<StatusCause> ConfigMap(JsonObject configMap)
    {
        var causes = new List<StatusCause>(Keys(configMap.Obj("data"), "data"));
        causes.AddRange(Keys(configMap.Obj("binaryData"), "binaryData"));
        var binaryKeys = configMap.Obj("binaryData")?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var key in configMap.Obj("data")?.Select(p => p.Key) ?? [])
        {
            if (binaryKeys.Contains(key))
            {
                causes.Add(FieldErrors.Invalid(FieldPath.Key("data", key), key, "duplicate of key present in binaryData"));
            }
        }
        return causes;
    }

    public static IEnumerable<StatusCause> Secret(JsonObject secret)
    {
        var data = secret.Obj("data");
        var causes = new List<StatusCause>(Keys(data, "data"));
        var required = secret.Str("type") switch
        {
            "kubernetes.io/tls" => new[] { "tls.crt", "tls.key" },
            "kubernetes.io/dockerconfigjson" => [".dockerconfigjson"],
            "kubernetes.io/dockercfg" => [".dockercfg"],
            "kubernetes.io/ssh-auth" => ["ssh-privatekey"],
            _ => [],
        };
        foreach (var key in required.Where(k => data?[k] is null))
        {
            causes.Add(FieldErrors.Required(FieldPath.Key("data", key)));
        }
        return causes;
    }

    private static IEnumerable<StatusCause> Keys(JsonObject? data, string path)
    {
        foreach (var (key, _) in data ?? [])
        {
            foreach (var msg in NameRules.IsConfigMapKey(key))
            {
                yield return FieldErrors.Invalid(FieldPath.Key(path, key), key, msg);
            }
        }
    }
}
