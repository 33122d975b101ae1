using System.Text;
using LibGit2Sharp;

namespace GitOpsOperator.Source.Verification;

/// <summary>Verifies the OpenPGP signature of a commit in a local repository.</summary>
internal static class CommitVerifier
{
    /// <summary>
    /// Null when the commit carries a valid signature by one of the trusted keys; otherwise a
    /// <see cref="FailureReason.VerificationFailed"/> naming the commit and why.
    /// </summary>
    public static SourceFailure? Verify(string repositoryDirectory, string commitSha, TrustedKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        SignatureInfo signature;
        try
        {
            using var repository = new Repository(repositoryDirectory);
            signature = Commit.ExtractSignature(repository, new ObjectId(commitSha));
        }
        catch (NotFoundException)
        {
            return Failed(commitSha, "it is not signed");
        }

        var problem = SignatureVerifier.Check(signature.Signature, Encoding.UTF8.GetBytes(signature.SignedData), keys);
        return problem is null ? null : Failed(commitSha, problem);
    }

    private static SourceFailure Failed(string commitSha, string why) =>
        new(FailureReason.VerificationFailed, $"commit {commitSha} cannot be trusted: {why}; the last verified artifact is kept");
}
