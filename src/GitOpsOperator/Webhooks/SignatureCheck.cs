namespace GitOpsOperator.Webhooks;

/// <summary>What a webhook request's signature header says about it.</summary>
public enum SignatureCheck
{
    /// <summary>No signature header of any supported provider.</summary>
    Missing,

    /// <summary>A signature header that does not match the body and token (or is malformed).</summary>
    Invalid,

    Valid,
}
