using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsOperator.Images.Tests.Registries;

/// <summary>
/// Makes OCI image layouts with umoci (an empty image per tag, told apart by a label) and pushes them with
/// <c>skopeo copy --dest-tls-verify=false oci:&lt;layout&gt;:&lt;tag&gt; docker://&lt;registry&gt;/&lt;repo&gt;:&lt;tag&gt;</c>.
/// </summary>
public sealed class ImagePusher : IDisposable
{
    private readonly string layout;
    private readonly string? credentials;

    public ImagePusher(string? username = null, string? password = null)
    {
        layout = Path.Combine(Path.GetTempPath(), $"oci-layout-{Guid.NewGuid():N}");
        credentials = username is null ? null : $"{username}:{password}";
    }

    /// <summary>Pushes one image per tag (each a distinct manifest) to registry/repository.</summary>
    public async Task PushAsync(string registry, string repository, params string[] tags)
    {
        await EnsureLayoutAsync();
        foreach (var tag in tags)
        {
            await UmociAsync("config", "--image", $"{layout}:base", "--tag", tag, "--config.label", $"tag={tag}");
            await SkopeoAsync($"oci:{layout}:{tag}", $"docker://{registry}/{repository}:{tag}");
        }
    }

    /// <summary>
    /// Pushes an OCI image index of two platform images (linux/amd64, linux/arm64) under the tag; returns the
    /// index's digest and the platform manifests' digests.
    /// </summary>
    public async Task<(string Index, IReadOnlyList<string> Platforms)> PushIndexAsync(string registry, string repository, string tag)
    {
        await EnsureLayoutAsync();
        var platforms = new List<JsonObject>();
        foreach (var arch in new[] { "amd64", "arm64" })
        {
            await UmociAsync("config", "--image", $"{layout}:base", "--tag", $"{tag}-{arch}", "--architecture", arch, "--os", "linux");
            var descriptor = Descriptor($"{tag}-{arch}");
            descriptor["platform"] = new JsonObject { ["architecture"] = arch, ["os"] = "linux" };
            descriptor.Remove("annotations");
            platforms.Add(descriptor);
        }

        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray([.. platforms]),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(index);
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await File.WriteAllBytesAsync(Path.Combine(layout, "blobs", "sha256", hex), bytes);
        var layoutIndex = ReadIndex();
        layoutIndex["manifests"]!.AsArray().Add(new JsonObject
        {
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["digest"] = $"sha256:{hex}",
            ["size"] = bytes.Length,
            ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag },
        });
        await File.WriteAllTextAsync(Path.Combine(layout, "index.json"), layoutIndex.ToJsonString());
        await SkopeoAsync($"oci:{layout}:{tag}", $"docker://{registry}/{repository}:{tag}", "--all", "--preserve-digests");
        return ($"sha256:{hex}", [.. platforms.Select(p => (string)p["digest"]!)]);
    }

    public void Dispose()
    {
        if (Directory.Exists(layout))
        {
            Directory.Delete(layout, recursive: true);
        }
    }

    private async Task EnsureLayoutAsync()
    {
        if (!Directory.Exists(layout))
        {
            await UmociAsync("init", "--layout", layout);
            await UmociAsync("new", "--image", $"{layout}:base");
        }
    }

    private JsonObject ReadIndex() => JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!.AsObject();

    private JsonObject Descriptor(string refName) =>
        ReadIndex()["manifests"]!.AsArray()
            .Select(m => m!.AsObject())
            .Single(m => (string?)m["annotations"]?["org.opencontainers.image.ref.name"] == refName)
            .DeepClone().AsObject();

    private static async Task UmociAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand(ProcessRunner.OnPath("umoci"), ["--log", "error", .. arguments]));
        Assert.True(result.Succeeded, result.ToString());
    }

    private async Task SkopeoAsync(string source, string destination, params string[] options)
    {
        string[] auth = credentials is null ? [] : ["--dest-creds", credentials];
        var result = await ProcessRunner.RunAsync(new ProcessCommand(
            ProcessRunner.OnPath("skopeo"), ["--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false", .. auth, .. options, source, destination]));
        Assert.True(result.Succeeded, result.ToString());
    }
}
