using System.Text.Json;
using System.Text.RegularExpressions;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// A marker comment as Flux writes it: <c># {"$imagepolicy": "&lt;ns&gt;:&lt;policy&gt;[:tag|:name|:digest]"}</c>. The
/// text after the '#' signs is read as JSON, as Flux reads it, so spacing is free.
/// </summary>
internal sealed partial record PolicyMarker(string Namespace, string Name, MarkerField Field)
{
    public const string Key = "$imagepolicy";

    private const string Shape = "write it as {\"$imagepolicy\": \"<namespace>:<policy>\"}, optionally ending in :tag, :name or :digest";

    /// <summary>"ns:name", as ImagePolicies are looked up and changes are reported.</summary>
    public string Policy => $"{Namespace}:{Name}";

    /// <summary>
    /// Whether a comment (its text from the '#') is meant as a marker: after the '#' signs and blanks it opens a JSON
    /// object that names $imagepolicy. Prose that merely mentions $imagepolicy is not one.
    /// </summary>
    public static bool IsMarker(string comment) =>
        Body(comment).StartsWith('{') && comment.Contains(Key, StringComparison.Ordinal);

    /// <summary>Reads a marker comment; null with <paramref name="error"/> saying why when it is broken.</summary>
    public static PolicyMarker? Parse(string comment, out string? error)
    {
        error = null;
        string reference;
        try
        {
            using var json = JsonDocument.Parse(Body(comment));
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty(Key, out var value)
                || value.ValueKind != JsonValueKind.String)
            {
                error = $"the marker does not name a policy: {Shape}";
                return null;
            }

            reference = value.GetString()!;
        }
        catch (JsonException)
        {
            error = $"the marker is not valid JSON: {Shape}";
            return null;
        }

        return FromReference(reference, out error);
    }

    private static PolicyMarker? FromReference(string reference, out string? error)
    {
        error = null;
        var parts = reference.Split(':');
        if (parts.Length is < 2 or > 3 || !KubernetesName().IsMatch(parts[0]) || !KubernetesName().IsMatch(parts[1]))
        {
            error = $"\"{reference}\" is not a policy reference: {Shape}";
            return null;
        }

        MarkerField? field = parts.Length == 2 ? MarkerField.Image : parts[2] switch
        {
            "tag" => MarkerField.Tag,
            "name" => MarkerField.Name,
            "digest" => MarkerField.Digest,
            _ => null,
        };
        if (field is null)
        {
            error = $"\"{reference}\" names the field \"{parts[2]}\": a marker ends in :tag, :name or :digest, or names the policy alone for image:tag";
            return null;
        }

        return new PolicyMarker(parts[0], parts[1], field.Value);
    }

    private static string Body(string comment) => comment.TrimStart('#').Trim();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex KubernetesName();
}
