using System.Diagnostics;

namespace KubeEmulator.Tests;

/// <summary>Runs the real kubectl (from PATH) against a server, with its own kubeconfig, HOME and discovery cache.</summary>
public sealed class ApiKubectl : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kubectl-api-").FullName;

    public ApiKubectl(string serverUrl, string executable = "kubectl")
    {
        Executable = executable;
        KubeconfigPath = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(KubeconfigPath, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: emulator
              cluster: {"{"} server: "{serverUrl}" {"}"}
            users:
            - name: tester
              user: {"{"}{"}"}
            contexts:
            - name: emulator
              context: {"{"} cluster: emulator, user: tester, namespace: default {"}"}
            current-context: emulator
            """);
    }

    public string Executable { get; }

    /// <summary>kubectl 1.{minor} from the folder the kubectl on PATH links into (kubectl.1.27 … kubectl.1.33 sit there).</summary>
    public static string Version(int minor)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "kubectl"))
            .First(File.Exists);
        var target = new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
        return Path.Combine(Path.GetDirectoryName(target)!, $"kubectl.1.{minor}");
    }

    public string KubeconfigPath { get; }

    /// <summary>Writes a file into the run's directory and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(KubeconfigPath);
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(Path.Combine(directory, "cache"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = directory;
        start.Environment["KUBECONFIG"] = KubeconfigPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
