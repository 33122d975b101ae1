using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GitOpsOperator.Testing.Faults;

/// <summary>
/// A plain-HTTP relay on 127.0.0.1 in front of an API server, failing requests as its <see cref="FaultPlan"/> says: the
/// flaky control plane a real cluster has during upgrades or under API Priority and Fairness. Each request is relayed on
/// a connection of its own (the answer closes it), so a fault never spills onto the next request. Stops on dispose.
/// </summary>
public sealed class FaultRelay : IAsyncDisposable
{
    private static readonly TimeSpan HeaderDeadline = TimeSpan.FromSeconds(30);

    private readonly TcpListener listener;
    private readonly Uri upstream;
    private readonly FaultPlan plan;
    private readonly Random random;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, bool> connections = new();
    private readonly ConcurrentDictionary<FaultKind, int> counts = new();
    private readonly Task accepting;
    private int watchesCut;

    private FaultRelay(Uri upstream, FaultPlan plan)
    {
        this.upstream = upstream;
        this.plan = plan;
        random = new Random(plan.Seed);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>The relay's address: give clients this instead of the API server's.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    /// <summary>How many requests got each treatment so far.</summary>
    public IReadOnlyDictionary<FaultKind, int> Counts => counts.ToDictionary();

    /// <summary>Watches cut so far.</summary>
    public int WatchesCut => Volatile.Read(ref watchesCut);

    public static FaultRelay Start(Uri upstream, FaultPlan plan) => new(upstream, plan);

    /// <summary>Writes a copy of the kubeconfig whose cluster is this relay (the file must name one plain-HTTP server).</summary>
    public string KubeconfigFrom(string kubeconfigPath, string destinationPath)
    {
        var lines = File.ReadAllLines(kubeconfigPath)
            .Select(line => line.TrimStart().StartsWith("server:", StringComparison.Ordinal)
                ? line[..line.IndexOf("server:", StringComparison.Ordinal)] + $"server: {Address.ToString().TrimEnd('/')}"
                : line);
        File.WriteAllLines(destinationPath, lines);
        return destinationPath;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ConfigureAwait(false);
        await Task.WhenAll(connections.Keys).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var serving = ServeAsync(client);
            connections[serving] = true;
            _ = serving.ContinueWith(done => connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var headerDeadline = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                headerDeadline.CancelAfter(HeaderDeadline);
                var request = await RelayedRequest.ReadAsync(stream, headerDeadline.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                var kind = Choose();
                counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
                if (plan.Latency > TimeSpan.Zero)
                {
                    await Task.Delay(plan.Latency, stopping.Token).ConfigureAwait(false);
                }

                switch (kind)
                {
                    case FaultKind.ConnectionReset:
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    case FaultKind.ServerError:
                        await AnswerAsync(stream, "500 Internal Server Error", "", "InternalError", 500).ConfigureAwait(false);
                        return;
                    case FaultKind.TooManyRequests:
                        await AnswerAsync(stream, "429 Too Many Requests", "Retry-After: 1\r\n", "TooManyRequests", 429).ConfigureAwait(false);
                        return;
                    default:
                        await ForwardAsync(request, stream).ConfigureAwait(false);
                        return;
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client or server that went away ends this one exchange, nothing else.
            }
        }
    }

    private FaultKind Choose()
    {
        lock (random)
        {
            var draw = random.NextDouble();
            if (draw >= plan.FailureRate)
            {
                return FaultKind.Forwarded;
            }

            return (int)(draw / plan.FailureRate * 3) switch
            {
                0 => FaultKind.ServerError,
                1 => FaultKind.TooManyRequests,
                _ => FaultKind.ConnectionReset,
            };
        }
    }

    private static async Task AnswerAsync(NetworkStream stream, string status, string headers, string reason, int code)
    {
        var body = $"{{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"injected by the fault relay\",\"reason\":\"{reason}\",\"code\":{code}}}";
        var text = $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n{headers}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
    }

    /// <summary>Sends the request on a fresh upstream connection and copies the answer back until the server closes it (or a watch is cut).</summary>
    private async Task ForwardAsync(RelayedRequest request, NetworkStream client)
    {
        using var server = new TcpClient();
        await server.ConnectAsync(upstream.Host, upstream.Port, stopping.Token).ConfigureAwait(false);
        var upstreamStream = server.GetStream();
        await upstreamStream.WriteAsync(request.WithConnectionClose(), stopping.Token).ConfigureAwait(false);
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        if (request.IsWatch && plan.WatchCut is { } after)
        {
            cut.CancelAfter(after);
        }

        try
        {
            await upstreamStream.CopyToAsync(client, cut.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            Interlocked.Increment(ref watchesCut);
        }
    }
}
