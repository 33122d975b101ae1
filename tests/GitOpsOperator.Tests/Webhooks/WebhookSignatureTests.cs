using System.Text;
using GitOpsOperator.Webhooks;
using Microsoft.AspNetCore.Http;

namespace GitOpsOperator.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The example GitHub documents for validating webhook deliveries.
    private static readonly byte[] GitHubExampleSecret = Encoding.UTF8.GetBytes("It's a Secret to Everybody");
    private static readonly byte[] GitHubExampleBody = Encoding.UTF8.GetBytes("Hello, World!");
    private const string GitHubExampleSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private static SignatureCheck Check(string header, string value, byte[] body, byte[] token) =>
        WebhookSignature.Check(new HeaderDictionary { [header] = value }, body, token);

    [Theory]
    [InlineData(WebhookSignature.GitHubHeader)]
    [InlineData(WebhookSignature.GenericHeader)]
    public void GitHubs_documented_example_signature_is_valid(string header) =>
        Assert.Equal(SignatureCheck.Valid, Check(header, GitHubExampleSignature, GitHubExampleBody, GitHubExampleSecret));

    [Theory]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("")]
    public void A_wrong_or_malformed_signature_is_invalid(string signature) =>
        Assert.Equal(SignatureCheck.Invalid, Check(WebhookSignature.GitHubHeader, signature, GitHubExampleBody, GitHubExampleSecret));

    [Fact]
    public void A_signature_of_another_body_is_invalid() =>
        Assert.Equal(SignatureCheck.Invalid, Check(WebhookSignature.GitHubHeader, GitHubExampleSignature, Encoding.UTF8.GetBytes("Hello, World?"), GitHubExampleSecret));

    [Fact]
    public void A_signature_made_with_another_secret_is_invalid() =>
        Assert.Equal(SignatureCheck.Invalid, Check(WebhookSignature.GenericHeader, GitHubExampleSignature, GitHubExampleBody, Encoding.UTF8.GetBytes("another secret")));

    [Fact]
    public void The_GitLab_token_must_equal_the_secret_exactly()
    {
        var token = Encoding.UTF8.GetBytes("gl-token");

        Assert.Equal(SignatureCheck.Valid, Check(WebhookSignature.GitLabHeader, "gl-token", [], token));
        Assert.Equal(SignatureCheck.Invalid, Check(WebhookSignature.GitLabHeader, "gl-token ", [], token));
        Assert.Equal(SignatureCheck.Invalid, Check(WebhookSignature.GitLabHeader, "gl-toke", [], token));
        Assert.Equal(SignatureCheck.Invalid, Check(WebhookSignature.GitLabHeader, "", [], token));
    }

    [Fact]
    public void A_request_without_any_signature_header_is_missing_its_signature() =>
        Assert.Equal(
            SignatureCheck.Missing,
            WebhookSignature.Check(new HeaderDictionary { ["X-GitHub-Event"] = "push", ["X-Hub-Signature"] = "sha1=00" }, GitHubExampleBody, GitHubExampleSecret));

    [Fact]
    public void A_header_given_twice_is_invalid() =>
        Assert.Equal(
            SignatureCheck.Invalid,
            WebhookSignature.Check(
                new HeaderDictionary { [WebhookSignature.GitHubHeader] = new([GitHubExampleSignature, GitHubExampleSignature]) }, GitHubExampleBody, GitHubExampleSecret));
}
