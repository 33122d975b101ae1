namespace GitOpsOperator.Images.Policies;

/// <summary>Why an ImagePolicy selected nothing: its spec cannot work (InvalidPolicy), or no tag fits (NoMatchingTag).</summary>
public sealed record PolicyFailure(bool Invalid, string Message)
{
    public static PolicyFailure InvalidPolicy(string message) => new(true, message);

    public static PolicyFailure NoMatchingTag(string message) => new(false, message);
}
