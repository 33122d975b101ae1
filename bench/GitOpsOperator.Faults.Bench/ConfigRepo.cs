using System.Diagnostics;
using System.Text;

namespace GitOpsOperator.Faults.Bench;

/// <summary>A bare git repository with one commit: <c>apps/many/configmaps.yaml</c> holding N ConfigMaps.</summary>
internal static class ConfigRepo
{
    public const string Path = "./apps/many";

    /// <summary>Creates it under the directory; returns the bare repository's directory.</summary>
    public static async Task<string> CreateAsync(string directory, int objects, string ns)
    {
        var work = System.IO.Path.Combine(directory, "work");
        var folder = System.IO.Path.Combine(work, "apps", "many");
        Directory.CreateDirectory(folder);
        var text = new StringBuilder();
        for (var i = 0; i < objects; i++)
        {
            text.Append($"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{i:0000}\n  namespace: {ns}\ndata:\n  value: \"v{i}\"\n");
        }

        await File.WriteAllTextAsync(System.IO.Path.Combine(folder, "configmaps.yaml"), text.ToString());
        var bare = System.IO.Path.Combine(directory, "config.git");
        await GitAsync(work, "init", "--quiet", "-b", "main");
        await GitAsync(work, "add", "-A");
        await GitAsync(work, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "--quiet", "-m", $"{objects} ConfigMaps");
        await GitAsync(directory, "clone", "--quiet", "--bare", work, bare);
        return bare;
    }

    private static async Task GitAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        var error = await git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        }
    }
}
