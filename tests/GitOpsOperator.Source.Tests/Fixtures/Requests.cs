using GitOpsOperator.Source.Resolution;

namespace GitOpsOperator.Source.Tests.Fixtures;

/// <summary>Short-hands for building poll requests in tests.</summary>
public static class Requests
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static SourceRequest For(string url, GitReference? reference = null, GitCredentials? credentials = null, TimeSpan? timeout = null) =>
        new(url, reference ?? new GitReference.Branch("main"), timeout ?? Timeout, credentials ?? GitCredentials.None);

    public static GitReference Branch(string name) => new GitReference.Branch(name);

    public static GitReference Tag(string name) => new GitReference.Tag(name);

    public static GitReference Semver(string range) => new GitReference.SemverRange(range);

    public static GitReference Commit(string sha) => new GitReference.Commit(sha);

    public static GitCredentials Basic(string username, string password) => new GitCredentials.Basic(username, password);

    public static GitCredentials Bearer(string token) => new GitCredentials.Bearer(token);

    public static Artifact Succeeds(this SourceResult result)
    {
        Assert.True(result.Succeeded, $"poll failed: {result.Failure}");
        return result.Artifact!;
    }
}
