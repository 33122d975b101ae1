using KubeEmulator.Errors;
using KubeEmulator.Writes;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Http;

/// <summary>The query parameters shared by the verbs (dryRun, fieldValidation, fieldManager, force, selectors, paging).</summary>
internal static class QueryOptions
{
    public static string? Get(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static bool Flag(HttpRequest request, string name) => Get(request, name) is "true" or "1" or "True";

    public static bool DryRun(HttpRequest request, IEnumerable<string>? bodyValues = null)
    {
        var values = request.Query["dryRun"].OfType<string>().Concat(bodyValues ?? []).ToList();
        if (values.Any(v => v != "All"))
        {
            throw ApiException.BadRequest($"Invalid dry run value: {string.Join(", ", values.Where(v => v != "All"))}");
        }

        return values.Count > 0;
    }

    public static FieldValidation FieldValidation(HttpRequest request) => Get(request, "fieldValidation") switch
    {
        null or "" or "Warn" => Writes.FieldValidation.Warn,
        "Strict" => Writes.FieldValidation.Strict,
        "Ignore" => Writes.FieldValidation.Ignore,
        var other => throw ApiException.BadRequest($"fieldValidation parameter unsupported: {other}"),
    };

    /// <summary>The field manager: the fieldManager parameter, else the User-Agent's product name as the real server derives it.</summary>
    public static string Manager(HttpRequest request)
    {
        if (Get(request, "fieldManager") is { Length: > 0 } manager)
        {
            return manager;
        }

        var userAgent = request.Headers.UserAgent.ToString();
        var slash = userAgent.IndexOf('/', StringComparison.Ordinal);
        var product = slash >= 0 ? userAgent[..slash] : userAgent;
        return product.Length > 0 ? product : "unknown";
    }

    public static int Limit(HttpRequest request) =>
        Get(request, "limit") is { Length: > 0 } text
            ? int.TryParse(text, out var limit) && limit >= 0 ? limit : throw ApiException.BadRequest($"invalid limit: {text}")
            : 0;
}
