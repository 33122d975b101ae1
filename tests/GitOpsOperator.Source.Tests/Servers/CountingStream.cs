namespace GitOpsOperator.Source.Tests.Servers;

/// <summary>Counts the bytes written through it and, past a limit, silently stops writing (a connection dying).</summary>
public sealed class CountingStream(Stream inner, long limit) : Stream
{
    public long Written { get; private set; }

    public bool CutShort { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = (int)Math.Min(buffer.Length, Math.Max(0, limit - Written));
        if (allowed < buffer.Length)
        {
            CutShort = true;
        }

        if (allowed > 0)
        {
            await inner.WriteAsync(buffer[..allowed], cancellationToken);
            Written += allowed;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
