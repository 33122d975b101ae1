namespace GitOpsOperator.Api;

/// <summary>The operator's API group and version, and the names the API server knows its kinds by.</summary>
public static class GitOpsApi
{
    public const string Group = "gitops.operator.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;

    public const string GitRepositoryKind = "GitRepository";
    public const string GitRepositoryPlural = "gitrepositories";

    public const string GitSyncKind = "GitSync";
    public const string GitSyncPlural = "gitsyncs";

    public const string ImageRepositoryKind = "ImageRepository";
    public const string ImageRepositoryPlural = "imagerepositories";

    public const string ImagePolicyKind = "ImagePolicy";
    public const string ImagePolicyPlural = "imagepolicies";

    public const string ImageUpdateAutomationKind = "ImageUpdateAutomation";
    public const string ImageUpdateAutomationPlural = "imageupdateautomations";

    /// <summary>The server-side apply field manager of every write the operator makes.</summary>
    public const string FieldManager = "gitops-operator";
}
