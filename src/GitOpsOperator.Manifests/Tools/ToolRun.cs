namespace GitOpsOperator.Manifests.Tools;

/// <summary>
/// How one run of a render tool (kustomize, helm) ended: its standard output when it exited 0, otherwise why not
/// (<see cref="Failure"/>, already in words a user can act on, or the tool's own message in <see cref="Stderr"/>).
/// </summary>
internal sealed record ToolRun(byte[] Output, int ExitCode, string Stderr, string? Failure)
{
    public bool Succeeded => Failure is null && ExitCode == 0;

    public static ToolRun Refused(string failure) => new([], -1, "", failure);
}
