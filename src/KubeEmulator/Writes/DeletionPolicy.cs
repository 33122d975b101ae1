namespace KubeEmulator.Writes;

/// <summary>propagationPolicy of a delete: what happens to the objects the deleted one owns.</summary>
internal enum DeletionPolicy
{
    Background,
    Foreground,
    Orphan,
}
