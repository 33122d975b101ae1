using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Source;
using GitOpsOperator.Source.Push;
using GitOpsOperator.Source.Verification;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// Turns an automation's spec and its GitRepository (with the Secrets they name, read as the GitRepository controller
/// reads them) into a <see cref="PushTarget"/>, or the problem that stops it: a GitRepository following a tag, a semver
/// range or a commit without git.checkout.branch, or one with verify and no signingKey it trusts, is InvalidSpec.
/// </summary>
public sealed class PushTargetBuilder(SecretReader secrets)
{
    public async Task<(PushTarget? Target, SpecProblem? Problem)> BuildAsync(
        ImageUpdateAutomation automation, GitRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(automation);
        ArgumentNullException.ThrowIfNull(repository);
        var spec = automation.Spec;
        var source = $"GitRepository {repository.Metadata.NamespaceProperty}/{repository.Metadata.Name}";
        var checkout = spec.Git.Checkout?.Branch ?? repository.Spec.Ref?.Branch;
        if (checkout is null && repository.Spec.Ref is { Tag: not null } or { Semver: not null } or { Commit: not null })
        {
            return Invalid($"{source} follows a tag, a semver range or a commit: set spec.git.checkout.branch to the branch to release into");
        }

        checkout ??= DefaultBranch(repository);
        if (checkout is null)
        {
            return (null, new SpecProblem(Reasons.GitOperationFailed, $"{source} follows the remote's default branch and has not fetched it yet", Stalled: false));
        }

        var credentials = GitCredentials.None;
        if (repository.Spec.SecretRef is { } secretRef)
        {
            var read = await secrets.ReadAsync(repository.Metadata.NamespaceProperty, secretRef.Name, GitCredentials.FromSecretData, cancellationToken).ConfigureAwait(false);
            if (read.Failure is { } failure)
            {
                return (null, new SpecProblem(Reasons.GitOperationFailed, failure.Message, Stalled: false));
            }

            credentials = read.Value!;
        }

        string? signingKey = null;
        if (spec.Git.Commit.SigningKey is { } keyRef)
        {
            var (key, keyProblem) = await ReadSigningKeyAsync(automation, keyRef.SecretRef.Name, cancellationToken).ConfigureAwait(false);
            if (keyProblem is not null)
            {
                return (null, keyProblem);
            }

            signingKey = key;
        }

        if (repository.Spec.Verify is { } verify)
        {
            if (signingKey is null)
            {
                return Invalid($"{source} verifies commit signatures: set spec.git.commit.signingKey to a key it trusts");
            }

            var trusted = await secrets.ReadAsync(repository.Metadata.NamespaceProperty, verify.SecretRef.Name, TrustedKeys.FromSecretData, cancellationToken).ConfigureAwait(false);
            if (trusted.Failure is { } failure)
            {
                return Invalid($"{source} verifies commit signatures, but its keys cannot be read: {failure.Message}");
            }

            var parsed = CommitSigningKey.Parse(signingKey);
            if (parsed.Failure is { } unreadable)
            {
                return Invalid($"Secret {automation.Metadata.NamespaceProperty}/{spec.Git.Commit.SigningKey!.SecretRef.Name}: {unreadable.Message}");
            }

            if (!parsed.Value!.IsTrustedBy(trusted.Value!))
            {
                return Invalid($"{source} does not trust the signing key of Secret {automation.Metadata.NamespaceProperty}/{spec.Git.Commit.SigningKey!.SecretRef.Name}: add its public key to Secret {repository.Metadata.NamespaceProperty}/{verify.SecretRef.Name}");
            }
        }

        var push = spec.Git.Push?.Branch ?? checkout;
        return (new PushTarget(repository, repository.Spec.Url, credentials, checkout, push, spec.Git.Commit.Author, signingKey), null);
    }

    // A GitRepository without ref follows the remote's HEAD; its revision names that branch ("main@sha1:…").
    private static string? DefaultBranch(GitRepository repository) =>
        repository.Status?.Artifact?.Revision is { } revision && revision.IndexOf("@sha1:", StringComparison.Ordinal) is > 0 and var at ? revision[..at] : null;

    private static (PushTarget?, SpecProblem?) Invalid(string message) => (null, new SpecProblem(Reasons.InvalidSpec, message, Stalled: true));

    private async Task<(string? Key, SpecProblem? Problem)> ReadSigningKeyAsync(ImageUpdateAutomation automation, string secretName, CancellationToken cancellationToken)
    {
        var namespaceName = automation.Metadata.NamespaceProperty;
        var data = await secrets.ReadAsync(namespaceName, secretName, cancellationToken).ConfigureAwait(false);
        if (data.Failure is { } missing)
        {
            return (null, new SpecProblem(Reasons.InvalidSpec, missing.Message, Stalled: false));
        }

        return data.Value!.TryGetValue(SigningKeyReference.SecretKey, out var key) && key.Length > 0
            ? (System.Text.Encoding.UTF8.GetString(key), null)
            : (null, new SpecProblem(Reasons.InvalidSpec, $"Secret {namespaceName}/{secretName} has no key \"{SigningKeyReference.SecretKey}\" (an armored OpenPGP private key)", Stalled: false));
    }
}
