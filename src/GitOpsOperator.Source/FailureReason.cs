namespace GitOpsOperator.Source;

/// <summary>Why a poll or export failed; the names are the condition reasons of API.md.</summary>
public enum FailureReason
{
    ArtifactFailed,
    AuthenticationFailed,
    RefNotFound,
    VerificationFailed,
    InvalidSpec,

    /// <summary>A path of an exported tree cannot be read: missing, or it leaves the repository root.</summary>
    BuildFailed,
}
