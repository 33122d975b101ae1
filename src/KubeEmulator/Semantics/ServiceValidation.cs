using System.Text.Json.Nodes;
using GitOpsOperator.Machinery.Names;
using KubeEmulator.Api;

namespace KubeEmulator.Semantics;

/// <summary>ValidateService, the common part: type, ports (numbers, names, protocols), ExternalName.</summary>
internal static class ServiceValidation
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static IEnumerable<StatusCause> Validate(JsonObject service)
    {
        var spec = service.Obj("spec") ?? [];
        var causes = new List<StatusCause>();
        var type = spec.Str("type") ?? "ClusterIP";
        PodSpecValidation.Supported(spec, "type", Types, "spec", causes);
        var ports = spec.Arr("ports");
        var headless = spec.Str("clusterIP") == "None";
        if (type == "ExternalName")
        {
            if (spec.IsBlank("externalName"))
            {
                causes.Add(FieldErrors.Required("spec.externalName"));
            }
        }
        else if (ports is not { Count: > 0 } && !headless)
        {
            causes.Add(FieldErrors.Required("spec.ports"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var several = ports is { Count: > 1 };
        foreach (var (i, port) in ports.IndexedObjects())
        {
            var path = FieldPath.Index("spec.ports", i);
            Port(port, path, several, names, causes);
            if (type == "ClusterIP" && port.Long("nodePort") is > 0)
            {
                causes.Add(FieldErrors.Forbidden(FieldPath.Child(path, "nodePort"), "may not be used when `type` is 'ClusterIP'"));
            }
        }
        return causes;
    }

    private static void Port(JsonObject port, string path, bool nameRequired, HashSet<string> names, List<StatusCause> causes)
    {
        var namePath = FieldPath.Child(path, "name");
        var name = port.Str("name") ?? "";
        if (name.Length == 0)
        {
            if (nameRequired)
            {
                causes.Add(FieldErrors.Required(namePath));
            }
        }
        else
        {
            causes.AddRange(NameRules.IsDns1123Label(name).Select(msg => FieldErrors.Invalid(namePath, name, msg)));
            if (!names.Add(name))
            {
                causes.Add(FieldErrors.Duplicate(namePath, JsonValue.Create(name)));
            }
        }
        PodSpecValidation.PortNumber(port, "port", path, required: true, causes);
        PodSpecValidation.PortNumber(port, "nodePort", path, required: false, causes);
        PodSpecValidation.Supported(port, "protocol", Protocols, path, causes);
    }
}
