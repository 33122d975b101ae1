using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Cli.Output;

/// <summary>The columns <c>kubectl gitops get</c> prints for each kind between NAME and AGE (API.md's printer columns).</summary>
public static class KindColumns
{
    public static IReadOnlyList<(string Header, Func<JsonObject, string> Value)> For(GitOpsKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        IReadOnlyList<(string, Func<JsonObject, string>)> specific = kind.Kind switch
        {
            "GitSync" => [("SOURCE", o => Fields.Text(o, "spec", "sourceRef", "name")), ("REVISION", o => Fields.Text(o, "status", "lastAppliedRevision"))],
            "GitRepository" => [("URL", o => Fields.Text(o, "spec", "url")), ("REVISION", o => Fields.Text(o, "status", "artifact", "revision"))],
            "ImageRepository" => [("IMAGE", o => Fields.Text(o, "spec", "image")), ("TAGS", o => Fields.Text(o, "status", "lastScanResult", "tagCount"))],
            "ImagePolicy" => [("LATEST", o => Fields.Text(o, "status", "latestRef", "tag"))],
            _ => [("SOURCE", o => Fields.Text(o, "spec", "sourceRef", "name")), ("LAST-PUSH", o => Fields.Text(o, "status", "lastPushTime"))],
        };
        return [.. specific, ("READY", o => Fields.Text(Fields.Condition(o, ConditionTypes.Ready), "status")), ("STATUS", o => Fields.Text(Fields.Condition(o, ConditionTypes.Ready), "message"))];
    }
}
