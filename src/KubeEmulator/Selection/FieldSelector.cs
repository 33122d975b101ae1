using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Json;

namespace KubeEmulator.Selection;

/// <summary>
/// A parsed fieldSelector (field=value, field==value, field!=value). Fields are dotted paths into the object,
/// which covers metadata.name, metadata.namespace, an Event's involvedObject.* and type/reason.
/// </summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Path, string Value, bool Equal)> requirements;

    private FieldSelector(IReadOnlyList<(string, string, bool)> requirements) => this.requirements = requirements;

    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(JsonObject obj) =>
        requirements.All(r => ((obj.NodeAt(r.Path).ScalarText() ?? "") == r.Value) == r.Equal);

    /// <summary>The value the selector requires the field to equal (field=value), null when it does not pin it.</summary>
    public string? ExactValue(string path) =>
        requirements.Where(r => r.Equal && r.Path == path).Select(r => r.Value).FirstOrDefault();

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var parsed = new List<(string, string, bool)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (op, at) = FindOperator(part);
            if (at <= 0)
            {
                throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            }

            parsed.Add((part[..at].Trim(), part[(at + op.Length)..].Trim(), op != "!="));
        }

        return new FieldSelector(parsed);
    }

    private static (string Op, int At) FindOperator(string part)
    {
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (op, at);
            }
        }

        return ("", -1);
    }
}
