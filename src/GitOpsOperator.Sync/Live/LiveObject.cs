using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Health;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Sync.Live;

/// <summary>
/// A live object as the cache keeps it. What planning, drift detection and health waits read on every pass (identity,
/// version, owner, the reconcile annotation, the fingerprint of what our field manager owns, health) is worked out once
/// per version; the object itself is kept as compact UTF-8 JSON without its managedFields and read again only when
/// asked for, so ten thousand cached objects hold kilobytes each instead of a JSON tree each.
/// </summary>
public sealed class LiveObject
{
    private readonly byte[] utf8;

    private LiveObject(JsonObject obj)
    {
        utf8 = WithoutManagedFields(obj);
        Identity = ObjectJson.Identity(obj);
        ResourceVersion = ObjectJson.MetadataString(obj, "resourceVersion");
        Owner = GitSyncOwner.Of(obj);
        ReconcileDisabled = ObjectJson.Annotation(obj, SyncAnnotations.Reconcile) == SyncAnnotations.Disabled;
        Fingerprint = LiveFingerprint.Of(obj);
        Health = HealthChecks.Evaluate(obj);
    }

    public ObjectIdentity Identity { get; }

    public string ResourceVersion { get; }

    /// <summary>The GitSync the owner labels name, or null without them.</summary>
    public GitSyncOwner? Owner { get; }

    /// <summary>The object carries the <c>reconcile: disabled</c> annotation.</summary>
    public bool ReconcileDisabled { get; }

    /// <summary>The <see cref="LiveFingerprint"/> of the object as the server sent it.</summary>
    public string Fingerprint { get; }

    /// <summary>The object's health by its kind's check.</summary>
    public HealthStatus Health { get; }

    /// <summary>A fresh copy of the object without metadata.managedFields (the caller may change it).</summary>
    public JsonObject Json => JsonNode.Parse(utf8) as JsonObject ?? [];

    /// <summary>What the cache keeps of an object the server sent (the object itself is left as it is).</summary>
    public static LiveObject From(JsonObject obj) => new(obj);

    private static byte[] WithoutManagedFields(JsonObject obj)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in obj)
            {
                writer.WritePropertyName(key);
                if (key == "metadata" && value is JsonObject metadata)
                {
                    writer.WriteStartObject();
                    foreach (var (field, fieldValue) in metadata.Where(pair => pair.Key != "managedFields"))
                    {
                        writer.WritePropertyName(field);
                        Write(writer, fieldValue);
                    }

                    writer.WriteEndObject();
                }
                else
                {
                    Write(writer, value);
                }
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
