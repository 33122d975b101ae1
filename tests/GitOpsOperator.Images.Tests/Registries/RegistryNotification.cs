namespace GitOpsOperator.Images.Tests.Registries;

/// <summary>
/// A notifications endpoint of distribution's config: it POSTs an event envelope to the URL with
/// <c>Authorization: Bearer &lt;token&gt;</c> for each manifest pushed (pulls and blob uploads left out).
/// </summary>
public sealed record RegistryNotification(Uri Url, string BearerToken)
{
    public string ConfigSection => $"""
        notifications:
          endpoints:
            - name: webhook
              url: {Url}
              headers:
                Authorization: [Bearer {BearerToken}]
              timeout: 5s
              threshold: 3
              backoff: 1s
              ignore:
                mediatypes: [application/octet-stream]
                actions: [pull]
        """;
}
