using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Live;

/// <summary>A change the live cache saw: ADDED, MODIFIED or DELETED, with the object as it now is (or last was).</summary>
public sealed record LiveObjectEvent(string Type, ObjectIdentity Identity, LiveObject Object);
