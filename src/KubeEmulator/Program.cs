using System.Runtime.InteropServices;
using KubeEmulator;

var port = 6443;
var kubeconfig = "./kubeconfig";
string? token = null;
var tls = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length:
            port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--kubeconfig" when i + 1 < args.Length:
            kubeconfig = args[++i];
            break;
        case "--token" when i + 1 < args.Length:
            token = args[++i];
            break;
        case "--tls":
            tls = true;
            break;
        default:
            Console.Error.WriteLine("usage: KubeEmulator [--port 6443] [--kubeconfig ./kubeconfig] [--token T] [--tls]");
            return 2;
    }
}

await using var cluster = await EmulatedCluster.StartAsync(new EmulatorOptions { Port = port, BearerToken = token, Tls = tls });
File.Copy(cluster.KubeconfigPath, kubeconfig, overwrite: true);
Console.WriteLine($"KubeEmulator serving at {cluster.Url} (port {new Uri(cluster.Url).Port})");
Console.WriteLine($"kubectl --kubeconfig {kubeconfig} get ns");

var stop = new TaskCompletionSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stop.Task;
Console.WriteLine("KubeEmulator stopped");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
