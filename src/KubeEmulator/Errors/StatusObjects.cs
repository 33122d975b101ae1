using System.Text.Json.Nodes;

namespace KubeEmulator.Errors;

/// <summary>metav1.Status documents: failures carry code, reason, message and details; success answers deletes.</summary>
internal static class StatusObjects
{
    public static JsonObject Failure(int code, string reason, string message, StatusDetails? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
        };
        if (reason.Length > 0)
        {
            status["reason"] = reason;
        }

        if (details is not null)
        {
            status["details"] = DetailsJson(details);
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Success(StatusDetails details, string? uid)
    {
        var detailsJson = DetailsJson(details);
        if (uid is not null)
        {
            detailsJson["uid"] = uid;
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = detailsJson,
        };
    }

    private static JsonObject DetailsJson(StatusDetails details)
    {
        var json = new JsonObject();
        if (details.Name.Length > 0)
        {
            json["name"] = details.Name;
        }

        if (details.Group.Length > 0)
        {
            json["group"] = details.Group;
        }

        if (details.Kind.Length > 0)
        {
            json["kind"] = details.Kind;
        }

        if (details.Causes is { Count: > 0 } causes)
        {
            json["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Type,
                ["message"] = c.Message,
                ["field"] = c.Field,
            }).ToArray());
        }

        return json;
    }
}
