namespace GitOpsOperator.Source.Push;

/// <summary>Why a release run pushed nothing; the names are condition reasons of API.md.</summary>
public enum PushFailureReason
{
    /// <summary>A git operation failed or the server refused the push (a hook, a protected branch); the message quotes it.</summary>
    GitOperationFailed,

    /// <summary>Every attempt lost the race against other pushes to the branch.</summary>
    PushConflict,

    /// <summary>The credentials were refused or cannot serve the URL, as a GitRepository reports it.</summary>
    AuthenticationFailed,

    /// <summary>The request itself is unusable: URL, branch name, author or signing key.</summary>
    InvalidSpec,
}
