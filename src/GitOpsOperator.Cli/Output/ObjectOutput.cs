using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;

namespace GitOpsOperator.Cli.Output;

/// <summary>-o json|yaml: objects printed whole, as kubectl prints them; null when the human-readable form is wanted.</summary>
public sealed record ObjectOutput(string Format)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ObjectOutput? From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Value(Flag.Output) switch
        {
            null => null,
            "json" or "yaml" => new ObjectOutput(args.Value(Flag.Output)!),
            var other => throw CliException.Usage($"unsupported output format \"{other}\"; use json or yaml"),
        };
    }

    /// <summary>Prints the document (an object, a List) in the chosen format.</summary>
    public void Write(TextWriter output, JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        output.Write(Format == "json" ? document.ToJsonString(Indented) + "\n" : JsonYaml.Write(document));
    }

    /// <summary>Objects as a kubectl List.</summary>
    public static JsonObject List(IEnumerable<JsonObject> objects) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "List",
        ["items"] = new JsonArray([.. objects.Select(o => o.DeepClone())]),
        ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
    };
}
