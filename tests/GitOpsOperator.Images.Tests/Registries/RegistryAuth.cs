namespace GitOpsOperator.Images.Tests.Registries;

/// <summary>How the test registry authenticates: not at all, htpasswd (Basic, bcrypt), or Bearer tokens from a token issuer.</summary>
public enum RegistryAuth
{
    Anonymous,
    Htpasswd,
    Token,
}
