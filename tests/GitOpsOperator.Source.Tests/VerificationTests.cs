using System.Text;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Verification;

namespace GitOpsOperator.Source.Tests;

[Collection(GitServersCollection.Name)]
public sealed class VerificationTests(GitServers servers, SigningKeys keys) : IClassFixture<SigningKeys>
{
    [Theory]
    [InlineData("rsa")]
    [InlineData("ed25519")]
    public async Task Commit_signed_by_a_trusted_key_is_accepted(string algorithm)
    {
        var repo = await servers.NewRepoAsync();
        var sha = await SignedCommitAsync(repo, algorithm == "rsa" ? keys.TrustedFingerprint : keys.Ed25519Fingerprint, "signed");
        using var cache = servers.NewCache();

        var artifact = (await cache.PollAsync(Verified(servers.Http.Url("open", repo.Name)), CancellationToken.None)).Succeeds();

        Assert.Equal($"main@sha1:{sha}", artifact.Revision);
    }

    [Fact]
    public async Task Unsigned_commit_is_refused_and_the_last_verified_artifact_stays_readable()
    {
        var repo = await servers.NewRepoAsync();
        await SignedCommitAsync(repo, keys.TrustedFingerprint, "signed");
        using var cache = servers.NewCache();
        var request = Verified(servers.FileUrl(repo));
        var verified = (await cache.PollAsync(request, CancellationToken.None)).Succeeds();
        var unsigned = await repo.CommitAsync("unsigned", ("a.yaml", "a: evil\n"));

        var result = await cache.PollAsync(request, CancellationToken.None);

        Assert.Equal(FailureReason.VerificationFailed, result.Failure?.Reason);
        Assert.Contains($"commit {unsigned}", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("not signed", result.Failure.Message, StringComparison.Ordinal);
        using var tree = (await cache.ExportAsync(verified, "", CancellationToken.None)).Value!;
        Assert.Equal("a: signed\n", Encoding.UTF8.GetString(tree.ReadFile("a.yaml").Value!));
    }

    [Fact]
    public async Task Commit_signed_by_an_untrusted_key_is_refused()
    {
        var repo = await servers.NewRepoAsync();
        await SignedCommitAsync(repo, keys.UntrustedFingerprint, "stranger");
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Verified(servers.Daemon.Url(repo.Name)), CancellationToken.None);

        Assert.Equal(FailureReason.VerificationFailed, result.Failure?.Reason);
        Assert.Contains("not among the trusted keys", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Force_push_to_a_signed_commit_is_verified_and_taken()
    {
        var repo = await servers.NewRepoAsync();
        var first = await SignedCommitAsync(repo, keys.TrustedFingerprint, "first");
        await SignedCommitAsync(repo, keys.TrustedFingerprint, "second");
        using var cache = servers.NewCache();
        var request = Verified(servers.FileUrl(repo));
        (await cache.PollAsync(request, CancellationToken.None)).Succeeds();
        await repo.ResetHardAsync(first);
        var rewritten = await SignedCommitAsync(repo, keys.TrustedFingerprint, "rewritten");

        var artifact = (await cache.PollAsync(request, CancellationToken.None)).Succeeds();

        Assert.Equal(rewritten, artifact.CommitSha);
    }

    [Fact]
    public async Task Commit_altered_after_signing_is_refused()
    {
        var repo = await servers.NewRepoAsync();
        await SignedCommitAsync(repo, keys.TrustedFingerprint, "signed");
        var raw = await Cli.GitAsync("--git-dir", repo.GitDir, "cat-file", "commit", "HEAD");
        var forged = await Cli.RunAsync(
            "git", ["--git-dir", repo.GitDir, "hash-object", "-t", "commit", "-w", "--stdin"], input: raw.Replace("\n\nsigned", "\n\nforged", StringComparison.Ordinal) + "\n");
        await Cli.GitAsync("--git-dir", repo.GitDir, "update-ref", "refs/heads/main", forged);
        using var cache = servers.NewCache();

        var result = await cache.PollAsync(Verified(servers.FileUrl(repo)), CancellationToken.None);

        Assert.Equal(FailureReason.VerificationFailed, result.Failure?.Reason);
        Assert.Contains($"commit {forged}", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the commit", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_secret_value_that_is_not_a_public_key_is_named()
    {
        var result = TrustedKeys.FromSecretData("git-trusted-keys", new Dictionary<string, byte[]> { ["team.asc"] = "not a key"u8.ToArray() });

        Assert.Equal(FailureReason.VerificationFailed, result.Failure?.Reason);
        Assert.Contains("\"team.asc\"", result.Failure!.Message, StringComparison.Ordinal);
    }

    private SourceRequest Verified(string url) =>
        Requests.For(url) with { VerifyKeys = TrustedKeys.FromSecretData("git-trusted-keys", keys.TrustedSecretData).Value };

    private Task<string> SignedCommitAsync(OriginRepo repo, string fingerprint, string content) =>
        repo.CommitWithAsync(content, keys.SignWith(fingerprint), [("a.yaml", $"a: {content}\n")], keys.Environment);
}
