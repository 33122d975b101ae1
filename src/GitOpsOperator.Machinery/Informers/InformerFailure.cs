namespace GitOpsOperator.Machinery.Informers;

/// <summary>Why an informer's cache is not synced now: the last failure of its list or watch, and since when it fails.</summary>
public sealed record InformerFailure(string What, int StatusCode, string Message, DateTimeOffset Since)
{
    /// <summary>The server said the operator may not (403 Forbidden, 401 Unauthorized): a right is missing.</summary>
    public bool IsAccessDenied => StatusCode is 401 or 403;

    public override string ToString() => $"listing {What} failed: {Message}";
}
