using System.Text;

namespace GitOpsOperator.Testing.Faults;

/// <summary>One HTTP/1.1 request as the relay read it: the head (request line and headers) and the body's raw bytes.</summary>
internal sealed class RelayedRequest
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly string head;
    private readonly byte[] body;

    private RelayedRequest(string head, byte[] body)
    {
        this.head = head;
        this.body = body;
    }

    /// <summary>A GET with watch=true (or under /watch/): a stream the relay may cut.</summary>
    public bool IsWatch
    {
        get
        {
            var target = head[..head.IndexOf('\r', StringComparison.Ordinal)];
            return target.StartsWith("GET ", StringComparison.Ordinal)
                && (target.Contains("watch=true", StringComparison.Ordinal) || target.Contains("/watch/", StringComparison.Ordinal));
        }
    }

    /// <summary>Reads one request; null when the client closed the connection before sending one.</summary>
    public static async Task<RelayedRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[8192];
        int end;
        while ((end = IndexOfHeadEnd(buffered)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            buffered.Write(chunk, 0, read);
            if (buffered.Length > MaxHeadBytes)
            {
                throw new IOException("request head too long");
            }
        }

        var all = buffered.ToArray();
        var head = Encoding.ASCII.GetString(all, 0, end);
        var rest = new MemoryStream();
        rest.Write(all, end + 4, all.Length - end - 4);
        if (Header(head, "Content-Length") is { } length)
        {
            await ReadUntilAsync(stream, rest, chunk, r => r.Length >= long.Parse(length, System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        else if (Header(head, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            await ReadUntilAsync(stream, rest, chunk, r => EndsWith(r, "0\r\n\r\n"u8), cancellationToken).ConfigureAwait(false);
        }

        return new RelayedRequest(head, rest.ToArray());
    }

    /// <summary>The request with "Connection: close", so the server ends the exchange with its answer.</summary>
    public byte[] WithConnectionClose()
    {
        var lines = head.Split("\r\n").Where(line => !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
        var text = string.Join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(text), .. body];
    }

    private static async Task ReadUntilAsync(Stream stream, MemoryStream into, byte[] chunk, Func<MemoryStream, bool> complete, CancellationToken cancellationToken)
    {
        while (!complete(into))
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("request body ended early");
            }

            into.Write(chunk, 0, read);
        }
    }

    private static string? Header(string head, string name) =>
        head.Split("\r\n").Skip(1)
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim())
            .FirstOrDefault();

    private static int IndexOfHeadEnd(MemoryStream buffered) =>
        buffered.GetBuffer().AsSpan(0, (int)buffered.Length).IndexOf("\r\n\r\n"u8);

    private static bool EndsWith(MemoryStream buffered, ReadOnlySpan<byte> suffix) =>
        buffered.GetBuffer().AsSpan(0, (int)buffered.Length).EndsWith(suffix);
}
