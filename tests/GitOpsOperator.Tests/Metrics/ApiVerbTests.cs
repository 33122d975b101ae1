using GitOpsOperator.Metrics;

namespace GitOpsOperator.Tests.Metrics;

public sealed class ApiVerbTests
{
    [Theory]
    [InlineData("GET", "/api/v1/namespaces/team/secrets/git-credentials", "get")]
    [InlineData("GET", "/api/v1/namespaces/team", "get")]
    [InlineData("GET", "/apis/gitops.operator.io/v1alpha1/namespaces/team/gitrepositories/config", "get")]
    [InlineData("GET", "/apis", "get")]
    [InlineData("GET", "/version", "get")]
    [InlineData("GET", "/api/v1/namespaces", "list")]
    [InlineData("GET", "/apis/gitops.operator.io/v1alpha1/gitrepositories", "list")]
    [InlineData("GET", "/apis/gitops.operator.io/v1alpha1/namespaces/team/gitrepositories", "list")]
    [InlineData("GET", "/apis/gitops.operator.io/v1alpha1/gitrepositories?watch=true&resourceVersion=7", "watch")]
    [InlineData("GET", "/api/v1/watch/namespaces/team/configmaps", "watch")]
    [InlineData("POST", "/api/v1/namespaces/team/events", "create")]
    [InlineData("PUT", "/apis/coordination.k8s.io/v1/namespaces/team/leases/leader", "update")]
    [InlineData("PATCH", "/apis/gitops.operator.io/v1alpha1/namespaces/team/gitrepositories/config/status", "patch")]
    [InlineData("DELETE", "/api/v1/namespaces/team/configmaps/old", "delete")]
    [InlineData("DELETE", "/api/v1/namespaces/team/configmaps", "deletecollection")]
    public void Verb_follows_method_and_whether_the_path_names_a_collection(string method, string pathAndQuery, string verb) =>
        Assert.Equal(verb, ApiVerb.Of(new HttpMethod(method), new Uri(new Uri("https://127.0.0.1:6443"), pathAndQuery)));
}
