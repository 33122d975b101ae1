namespace GitOpsOperator.Images.Registry;

/// <summary>One image repository of one registry, reached with these credentials, over http when insecure.</summary>
public sealed record RegistryTarget(ImageReference Image, RegistryCredentials Credentials, bool Insecure, TimeSpan Timeout)
{
    public Uri BaseAddress => new($"{(Insecure ? "http" : "https")}://{Image.Endpoint}/v2/{Image.Repository}/");

    /// <summary>Equal for every ImageRepository whose scans may be shared: same registry, repository, scheme and credentials.</summary>
    public string ScanKey => $"{(Insecure ? "http" : "https")}://{Image.Endpoint}/{Image.Repository}#{Credentials.Identity}";
}
