using GitOpsOperator.Source.Resolution;
using GitOpsOperator.Source.Verification;

namespace GitOpsOperator.Source;

/// <summary>One poll of a GitRepository: where, which revision, how long each git operation may take, as whom.</summary>
/// <param name="VerifyKeys">When set, the resolved commit must be signed by one of these keys.</param>
public sealed record SourceRequest(
    string Url,
    GitReference Reference,
    TimeSpan Timeout,
    GitCredentials Credentials,
    TrustedKeys? VerifyKeys = null);
