using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GitOpsOperator.Bench;

/// <summary>
/// A bare git repository with one commit holding <c>apps/app-NN</c> paths; each path has 100 objects (60 ConfigMaps,
/// 20 Services, 20 Deployments) without a namespace (each GitSync sets targetNamespace).
/// </summary>
internal static class Monorepo
{
    public const int ObjectsPerPath = 100;

    public static string PathName(int app) => $"app-{app:D3}";

    /// <summary>Creates the repository under the directory and returns its bare git directory.</summary>
    public static async Task<string> CreateAsync(string directory, int paths)
    {
        var work = Path.Combine(directory, "work");
        var bare = Path.Combine(directory, "monorepo.git");
        for (var app = 0; app < paths; app++)
        {
            var folder = Path.Combine(work, "apps", PathName(app));
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "configmaps.yaml"), Documents(60, i => ConfigMap(app, i)));
            await File.WriteAllTextAsync(Path.Combine(folder, "services.yaml"), Documents(20, Service));
            await File.WriteAllTextAsync(Path.Combine(folder, "deployments.yaml"), Documents(20, Deployment));
        }

        await GitAsync(work, "init", "--quiet", "-b", "main");
        await GitAsync(work, "add", "-A");
        await GitAsync(work, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "--quiet", "-m", "100 apps");
        await GitAsync(directory, "clone", "--quiet", "--bare", work, bare);
        return bare;
    }

    private static string Documents(int count, Func<int, string> document)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("---\n").Append(document(i));
        }

        return text.ToString();
    }

    private static string ConfigMap(int app, int i) => string.Create(
        CultureInfo.InvariantCulture,
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-{i:D2}\ndata:\n  app: \"{app}\"\n  setting: \"value-{i}\"\n");

    private static string Service(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $"apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-{i:D2}\nspec:\n  selector: {{ app: web-{i:D2} }}\n  ports:\n    - port: 80\n      targetPort: 8080\n");

    private static string Deployment(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-{{i:D2}}
        spec:
          replicas: 1
          selector:
            matchLabels: { app: web-{{i:D2}} }
          template:
            metadata:
              labels: { app: web-{{i:D2}} }
            spec:
              containers:
                - name: web
                  image: registry.example.com/web:1.0

        """);

    /// <summary>Runs git in the directory; returns what it printed.</summary>
    public static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {await errors}");
        }

        return (await output).Trim();
    }
}
