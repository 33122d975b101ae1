using System.Text.Json.Nodes;

namespace GitOpsOperator.Controllers.GitSyncs.Targets;

/// <summary>
/// What a remote cluster's kubeconfig may not ask of an operator running in a pod: an exec plugin or an auth-provider
/// (a program it would run) or a local file (a path on a machine it is not on). Only the current context's cluster and
/// user are checked, as only they are used. A problem names the field, never its value.
/// </summary>
internal static class KubeconfigRules
{
    private static readonly (string Field, string Embedded)[] ClusterFiles = [("certificate-authority", "certificate-authority-data")];

    private static readonly (string Field, string Embedded)[] UserFiles =
        [("client-certificate", "client-certificate-data"), ("client-key", "client-key-data"), ("tokenFile", "token")];

    /// <summary>Why the kubeconfig cannot serve the operator, or null when it can.</summary>
    public static string? Problem(JsonObject kubeconfig)
    {
        if (Text(kubeconfig["current-context"]) is not { } contextName)
        {
            return "names no current-context";
        }

        if (Entry(kubeconfig, "contexts", contextName, "context") is not { } context)
        {
            return "has no context of the name its current-context gives";
        }

        if (Entry(kubeconfig, "clusters", Text(context["cluster"]), "cluster") is not { } cluster || Text(cluster["server"]) is null)
        {
            return "has no cluster with a server for its current context";
        }

        var user = Entry(kubeconfig, "users", Text(context["user"]), "user") ?? [];
        return user["exec"] is not null
            ? "needs an exec plugin (users[].user.exec), which the operator does not run: embed a token or a client certificate"
            : user["auth-provider"] is not null
                ? "needs an auth-provider (users[].user.auth-provider), which the operator does not run: embed a token or a client certificate"
                : LocalFile(cluster, "clusters[].cluster", ClusterFiles) ?? LocalFile(user, "users[].user", UserFiles);
    }

    private static string? LocalFile(JsonObject section, string path, (string Field, string Embedded)[] fields) =>
        fields.Where(f => Text(section[f.Field]) is not null)
            .Select(f => $"reads a local file ({path}.{f.Field}), which the operator cannot: embed {f.Embedded} instead")
            .FirstOrDefault();

    /// <summary>The body (under <paramref name="body"/>) of the entry of that name in a named list (clusters, users, contexts).</summary>
    private static JsonObject? Entry(JsonObject kubeconfig, string list, string? name, string body) =>
        name is null
            ? null
            : (kubeconfig[list] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(e => Text(e["name"]) == name)?[body] as JsonObject;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
