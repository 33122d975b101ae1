namespace GitOpsOperator.Source.Remote;

/// <summary>The transports a GitRepository URL may name.</summary>
public enum GitTransport
{
    File,
    Git,
    Http,
    Ssh,
}
