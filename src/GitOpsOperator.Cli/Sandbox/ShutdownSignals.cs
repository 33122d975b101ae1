using System.Runtime.InteropServices;

namespace GitOpsOperator.Sandbox;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into a cancellation, so the sandbox stops its children and exits 0
/// instead of the runtime ending the process at once.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public ShutdownSignals(CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    /// <summary>Cancelled at the first signal (or when the caller's token is).</summary>
    public CancellationToken Token => stop.Token;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
    }

    /// <summary>The first signal stops cleanly; a second one, while that hangs, ends the process the usual way.</summary>
    private void Handle(PosixSignalContext context)
    {
        context.Cancel = !stop.IsCancellationRequested;
        stop.Cancel();
    }
}
