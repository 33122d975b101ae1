namespace KubeEmulator.Tests;

/// <summary>Runs the real kubectl (from PATH, or a given version) against a server, with its own kubeconfig and discovery cache.</summary>
internal sealed class ApiKubectl : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kubectl-api-").FullName;
    private readonly KubectlRunner runner;

    public ApiKubectl(string serverUrl, string? executable = null)
    {
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
        runner = new KubectlRunner(KubeconfigPath, Path.Combine(directory, "cache"))
        {
            Executable = executable ?? ProcessRunner.OnPath("kubectl"),
            Timeout = TimeSpan.FromSeconds(90),
        };
    }

    /// <summary>kubectl 1.{minor} from the folder the kubectl on PATH links into (kubectl.1.27 … kubectl.1.33 sit there).</summary>
    public static string Version(int minor)
    {
        var onPath = ProcessRunner.OnPath("kubectl");
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

    public Task<CommandResult> RunAsync(params string[] arguments) => runner.RunAsync(arguments);

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
