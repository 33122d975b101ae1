using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// The pod-template-hash a Deployment's ReplicaSet carries: FNV-1a over the template's canonical JSON (keys
/// sorted, so the order the server returns labels in does not matter), printed in the consonant-and-digit
/// alphabet Kubernetes uses so it never spells a word.
/// </summary>
internal static class PodTemplateHash
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Of(V1PodTemplateSpec? template)
    {
        var canonical = Canonical(JsonNode.Parse(KubernetesJson.Serialize(template ?? new V1PodTemplateSpec())));
        var hash = Fnv1a(Encoding.UTF8.GetBytes(canonical?.ToJsonString() ?? "null"));
        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Concat(digits.Select(digit => Alphabet[digit % Alphabet.Length]));
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, Canonical(property.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };

    private static uint Fnv1a(byte[] data)
    {
        var hash = 2166136261u;
        foreach (var b in data)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
