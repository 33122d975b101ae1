using System.Reflection;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Yaml;

namespace GitOpsOperator.Crds;

/// <summary>The CRDs of deploy/crds, embedded in the operator at build time (that folder is their single source).</summary>
public static class CrdManifests
{
    private const string Prefix = "crds/";

    /// <summary>Each CRD file's name and YAML text, sorted by name.</summary>
    public static IReadOnlyList<(string FileName, string Yaml)> Files()
    {
        var assembly = typeof(CrdManifests).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (name[Prefix.Length..], Read(assembly, name)))];
    }

    /// <summary>Each CRD as a JSON object, ready to apply.</summary>
    public static IReadOnlyList<JsonObject> All() =>
        [.. Files().Select(file => YamlJson.Convert(file.Yaml) as JsonObject
            ?? throw new InvalidDataException($"embedded CRD {file.FileName} is not a YAML mapping"))];

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
