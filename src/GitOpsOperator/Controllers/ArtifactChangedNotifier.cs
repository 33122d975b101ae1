namespace GitOpsOperator.Controllers;

/// <summary>
/// In-process notice of new artifacts: the GitRepository controller publishes, other controllers (GitSync)
/// subscribe so they act on a new revision without waiting for their own interval. Subscribers are called on
/// the publisher's thread and must only queue work.
/// </summary>
public sealed class ArtifactChangedNotifier
{
    private readonly Subscribers<ArtifactChanged> subscribers = new();

    /// <summary>Calls <paramref name="subscriber"/> for every change published until the result is disposed.</summary>
    public IDisposable Subscribe(Action<ArtifactChanged> subscriber) => subscribers.Subscribe(subscriber);

    public void Publish(ArtifactChanged change) => subscribers.Publish(change);
}
