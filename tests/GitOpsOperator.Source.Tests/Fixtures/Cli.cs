using GitOpsOperator.Testing;

namespace GitOpsOperator.Source.Tests.Fixtures;

/// <summary>Runs a command-line tool for test setup and fails loudly when it fails.</summary>
public static class Cli
{
    public static async Task<string> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        var isolated = new Dictionary<string, string> { ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CONFIG_GLOBAL"] = "/dev/null" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            isolated[name] = value;
        }

        var command = new ProcessCommand(program, [.. arguments]) { Environment = isolated, Input = input ?? "" };
        var result = await ProcessRunner.RunAsync(command);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{command} failed ({result.ExitCode}): {result.Stderr}");
        }

        return result.Stdout.Trim();
    }

    public static Task<string> GitAsync(params string[] arguments) => RunAsync("git", arguments);

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitForPortAsync(int port, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
        }
    }
}
