namespace GitOpsOperator.Controllers.ImagePolicies;

/// <summary>
/// In-process notice of a new selection: the ImagePolicy reconciler publishes when a policy's status.latestRef moves,
/// the ImageUpdateAutomation controller subscribes to release it without waiting for its interval. Subscribers are
/// called on the publisher's thread and must only queue work.
/// </summary>
public sealed class PolicySelections
{
    private readonly Subscribers<ImagePolicyKey> subscribers = new();

    /// <summary>Calls <paramref name="subscriber"/> for every new selection published until the result is disposed.</summary>
    public IDisposable Subscribe(Action<ImagePolicyKey> subscriber) => subscribers.Subscribe(subscriber);

    public void Publish(ImagePolicyKey policy) => subscribers.Publish(policy);
}
