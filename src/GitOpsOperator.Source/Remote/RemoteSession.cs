using System.Text;

namespace GitOpsOperator.Source.Remote;

/// <summary>The git environment that talks to one remote with one request's credentials, and the files it needs.</summary>
internal sealed class RemoteSession : IDisposable
{
    private readonly SshKeyFiles? _keyFiles;

    private RemoteSession(GitEnvironment environment, SshKeyFiles? keyFiles)
    {
        Environment = environment;
        _keyFiles = keyFiles;
    }

    public GitEnvironment Environment { get; }

    /// <summary>
    /// Prepares credentials for the URL's transport; credentials that cannot serve that transport are an
    /// <see cref="FailureReason.AuthenticationFailed"/>.
    /// </summary>
    public static Result<RemoteSession> Open(GitUrl url, GitCredentials credentials, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        var httpOnly = $"{credentials} works only with http(s) URLs, and {url} is not one";
        return (credentials, url.Transport) switch
        {
            (GitCredentials.Basic basic, GitTransport.Http) => Http(
                "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.Username}:{basic.Password}")), basic.Password),
            (GitCredentials.Bearer bearer, GitTransport.Http) => Http("Bearer " + bearer.Token, bearer.Token),
            (GitCredentials.Basic or GitCredentials.Bearer, _) => Unusable(httpOnly),
            (GitCredentials.Ssh ssh, GitTransport.Ssh) => Ssh(ssh, timeout),
            (GitCredentials.Ssh, _) => Unusable($"an ssh key works only with ssh URLs, and {url} is not one"),
            (_, GitTransport.Ssh) => Unusable($"{url} is an ssh URL: its Secret needs \"identity\" and \"known_hosts\""),
            _ => Result<RemoteSession>.Ok(new RemoteSession(GitEnvironment.Empty, null)),
        };
    }

    public void Dispose() => _keyFiles?.Dispose();

    private static Result<RemoteSession> Http(string authorization, string secret)
    {
        var environment = new GitEnvironment(
            [new("http.extraHeader", "Authorization: " + authorization)],
            new Dictionary<string, string>(),
            [authorization, authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..], secret]);
        return Result<RemoteSession>.Ok(new RemoteSession(environment, null));
    }

    private static Result<RemoteSession> Ssh(GitCredentials.Ssh credentials, TimeSpan timeout)
    {
        var files = SshKeyFiles.Write(credentials);
        var environment = new GitEnvironment([], new Dictionary<string, string> { ["GIT_SSH_COMMAND"] = files.SshCommand(timeout) }, []);
        return Result<RemoteSession>.Ok(new RemoteSession(environment, files));
    }

    private static Result<RemoteSession> Unusable(string message) =>
        Result<RemoteSession>.Fail(FailureReason.AuthenticationFailed, message);
}
