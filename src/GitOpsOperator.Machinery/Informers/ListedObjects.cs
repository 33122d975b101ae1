namespace GitOpsOperator.Machinery.Informers;

/// <summary>A whole collection as one list answered it, and the resourceVersion a watch resumes from.</summary>
public sealed record ListedObjects<T>(IReadOnlyList<T> Items, string ResourceVersion);
