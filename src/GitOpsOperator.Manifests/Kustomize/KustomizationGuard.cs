using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Reading;

namespace GitOpsOperator.Manifests.Kustomize;

/// <summary>
/// Checks, before kustomize runs, every path a kustomization (and the kustomizations it pulls in) references:
/// remote bases are refused (rendering has no network), and so is anything that leaves the repository root,
/// directly or through a symlink. Also collects the directories the build reads, for the render cache key.
/// </summary>
internal sealed class KustomizationGuard
{
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
    private static readonly string[] PathLists = ["resources", "bases", "components", "crds", "configurations", "generators", "transformers", "validators", "patchesStrategicMerge"];
    private static readonly string[] PathObjectLists = ["patches", "patchesJson6902", "replacements"];
    private static readonly string[] Generators = ["configMapGenerator", "secretGenerator"];

    private readonly RepoBoundary boundary;
    private readonly ManifestLimits limits;
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);
    private readonly SortedSet<string> inputs = new(StringComparer.Ordinal);
    private readonly List<RenderError> errors = [];

    private KustomizationGuard(RepoBoundary boundary, ManifestLimits limits)
    {
        this.boundary = boundary;
        this.limits = limits;
    }

    /// <summary>Checks the kustomization in <paramref name="directory"/> and everything it references, recursively.</summary>
    public static (IReadOnlyList<RenderError> Errors, IReadOnlyList<string> Inputs) Check(RepoBoundary boundary, string directory, ManifestLimits limits)
    {
        var guard = new KustomizationGuard(boundary, limits);
        guard.CheckDirectory(directory);
        return (guard.errors, [.. guard.inputs]);
    }

    public static string? FindKustomization(string directory) =>
        KustomizationNames.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    private void CheckDirectory(string directory)
    {
        if (!visited.Add(directory) || FindKustomization(directory) is not { } file)
        {
            return;
        }

        inputs.Add(boundary.Relative(directory));
        var shown = boundary.Relative(file);
        if (boundary.ResolveAbsolute(file) is null)
        {
            errors.Add(new RenderError("symlink points outside the repository", new SourceLocation(shown)));
            return;
        }

        var candidates = new List<ManifestCandidate>();
        var parseErrors = new List<RenderError>();
        PlainManifestReader.AddDocuments(File.ReadAllBytes(file), shown, limits, candidates, parseErrors);
        errors.AddRange(parseErrors);
        foreach (var reference in candidates.SelectMany(candidate => References(candidate.Json)))
        {
            CheckReference(directory, reference, new SourceLocation(shown));
        }
    }

    private void CheckReference(string directory, string reference, SourceLocation kustomization)
    {
        var lexical = Path.GetFullPath(Path.Combine(directory, reference));
        if (!boundary.Contains(lexical))
        {
            errors.Add(new RenderError($"\"{reference}\" leaves the repository root", kustomization));
            return;
        }

        if (!Path.Exists(lexical))
        {
            var message = LooksRemote(reference)
                ? $"remote resource \"{reference}\" is not allowed: rendering reads only the repository, without network"
                : $"\"{reference}\" does not exist in the repository";
            errors.Add(new RenderError(message, kustomization));
            return;
        }

        if (boundary.ResolveAbsolute(lexical) is not { } real)
        {
            errors.Add(new RenderError($"\"{reference}\" is a symlink that points outside the repository", kustomization));
            return;
        }

        if (Directory.Exists(real))
        {
            CheckDirectory(real);
        }
        else
        {
            inputs.Add(boundary.Relative(Path.GetDirectoryName(real)!));
        }
    }

    private static bool LooksRemote(string reference) =>
        reference.Contains("://", StringComparison.Ordinal)
        || reference.StartsWith("git@", StringComparison.Ordinal)
        || reference.Contains("?ref=", StringComparison.Ordinal)
        || reference.Contains("//", StringComparison.Ordinal)
        || reference.Split('/')[0].Contains('.', StringComparison.Ordinal) && !reference.StartsWith('.');

    private static IEnumerable<string> References(JsonObject kustomization)
    {
        foreach (var field in PathLists)
        {
            foreach (var entry in Strings(kustomization[field] as JsonArray))
            {
                yield return entry;
            }
        }

        foreach (var field in PathObjectLists)
        {
            foreach (var item in (kustomization[field] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Text(item["path"]) is { } path)
                {
                    yield return path;
                }
            }
        }

        if (Text((kustomization["openapi"] as JsonObject)?["path"]) is { } openapi)
        {
            yield return openapi;
        }

        foreach (var generator in Generators.SelectMany(field => (kustomization[field] as JsonArray ?? []).OfType<JsonObject>()))
        {
            var sources = Strings(generator["files"] as JsonArray).Concat(Strings(generator["envs"] as JsonArray));
            if (Text(generator["env"]) is { } env)
            {
                sources = sources.Append(env);
            }

            // "key=path" names the key a file becomes; the path is after the '='.
            foreach (var source in sources)
            {
                yield return source[(source.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }
    }

    // Inline patches and generator configs are YAML text, not paths.
    private static IEnumerable<string> Strings(JsonArray? array) =>
        (array ?? []).Select(Text).OfType<string>().Where(text => !text.Contains('\n', StringComparison.Ordinal));

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
