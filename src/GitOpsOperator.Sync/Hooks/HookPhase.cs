namespace GitOpsOperator.Sync.Hooks;

/// <summary>The hook phases a sync runs (helm's names): install with a GitSync's first apply, upgrade with a later changed render.</summary>
public static class HookPhase
{
    public const string PreInstall = "pre-install";
    public const string PostInstall = "post-install";
    public const string PreUpgrade = "pre-upgrade";
    public const string PostUpgrade = "post-upgrade";
}
