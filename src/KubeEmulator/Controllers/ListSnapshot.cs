namespace KubeEmulator.Controllers;

/// <summary>The items of a list and the resourceVersion to watch from.</summary>
internal sealed record ListSnapshot<T>(IReadOnlyList<T> Items, string ResourceVersion);
