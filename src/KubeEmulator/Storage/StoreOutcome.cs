namespace KubeEmulator.Storage;

/// <summary>Why a conditional store write did or did not happen.</summary>
internal enum StoreOutcome
{
    Written,
    AlreadyExists,
    Missing,
    Changed,
}
