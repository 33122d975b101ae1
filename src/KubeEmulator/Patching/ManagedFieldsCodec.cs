using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeEmulator.Patching;

/// <summary>Reads and writes metadata.managedFields in the FieldsV1 encoding, ordered as the real server orders them.</summary>
internal static class ManagedFieldsCodec
{
    private const string Apply = ManagedFieldsEntry.Apply;
    private const string Update = ManagedFieldsEntry.Update;

    /// <summary>The entries of an object; entries that cannot be read are dropped.</summary>
    public static List<ManagedFieldsEntry> Read(JsonObject? obj) => Read(ManagedFieldsOf(obj));

    public static List<ManagedFieldsEntry> Read(JsonArray? managedFields)
    {
        var entries = new List<ManagedFieldsEntry>();
        foreach (var node in managedFields ?? [])
        {
            if (node is JsonObject entry
                && Text(entry, "manager") is { } manager
                && Text(entry, "operation") is (Apply or Update) and { } operation
                && FieldSet.FromFieldsV1(entry["fieldsV1"]) is { } fields)
            {
                entries.Add(new ManagedFieldsEntry(manager, operation, Text(entry, "apiVersion"), Text(entry, "time"), Text(entry, "subresource"), fields));
            }
        }

        return entries;
    }

    public static JsonArray? ManagedFieldsOf(JsonObject? obj) => obj?["metadata"] is JsonObject metadata ? metadata["managedFields"] as JsonArray : null;

    /// <summary>A copy of the object without metadata.managedFields.</summary>
    public static JsonObject Without(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
        }

        return copy;
    }

    /// <summary>Stores the non-empty entries in the object's metadata.managedFields (removed when none is left).</summary>
    public static JsonObject Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var kept = entries.Where(entry => !entry.Fields.IsEmpty).ToList();
        kept.Sort(Order);
        if (obj["metadata"] is not JsonObject metadata)
        {
            if (kept.Count == 0)
            {
                return obj;
            }

            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }

        metadata.Remove("managedFields");
        if (kept.Count > 0)
        {
            metadata["managedFields"] = new JsonArray([.. kept.Select(Encode)]);
        }

        return obj;
    }

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Encode(ManagedFieldsEntry entry)
    {
        var json = new JsonObject
        {
            ["manager"] = entry.Manager,
            ["operation"] = entry.Operation,
        };
        if (entry.ApiVersion is not null)
        {
            json["apiVersion"] = entry.ApiVersion;
        }

        if (entry.Time is not null)
        {
            json["time"] = entry.Time;
        }

        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = entry.Fields.ToFieldsV1();
        if (entry.Subresource is not null)
        {
            json["subresource"] = entry.Subresource;
        }

        return json;
    }

    private static int Order(ManagedFieldsEntry left, ManagedFieldsEntry right)
    {
        var byOperation = string.CompareOrdinal(left.Operation, right.Operation);
        if (byOperation != 0)
        {
            return byOperation;
        }

        var byTime = Seconds(left.Time).CompareTo(Seconds(right.Time));
        if (byTime != 0)
        {
            return byTime;
        }

        var byManager = string.CompareOrdinal(left.Manager, right.Manager);
        if (byManager != 0)
        {
            return byManager;
        }

        var byVersion = string.CompareOrdinal(left.ApiVersion, right.ApiVersion);
        return byVersion != 0 ? byVersion : string.CompareOrdinal(left.Subresource, right.Subresource);
    }

    private static long Seconds(string? time) =>
        DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUnixTimeSeconds() : 0;

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
