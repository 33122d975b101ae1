namespace GitOpsOperator.Manifests;

/// <summary>One reason a render failed, with the place and the object to blame when they are known.</summary>
public sealed record RenderError(string Message, SourceLocation? Location = null, string? Object = null)
{
    public override string ToString()
    {
        var place = Location is null ? "" : $"{Location}: ";
        var subject = Object is null ? "" : $"{Object}: ";
        return place + subject + Message;
    }
}
