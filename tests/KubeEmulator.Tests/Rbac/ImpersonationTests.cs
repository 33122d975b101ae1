using System.Text.Json.Nodes;
using KubeEmulator.Errors;
using KubeEmulator.Security;
using KubeEmulator.Security.Rbac;
using KubeEmulator.Storage;
using Microsoft.AspNetCore.Http;

namespace KubeEmulator.Tests.Rbac;

/// <summary>
/// Impersonation by a requester who is not an admin (on plain HTTP every kubectl is the admin, so the filter is
/// exercised directly): each impersonated value needs its own <c>impersonate</c> grant.
/// </summary>
public sealed class ImpersonationTests
{
    private static readonly UserInfo Ivan = new("ivan", null, ["system:authenticated"], new Dictionary<string, IReadOnlyList<string>>());

    private readonly Impersonation impersonation;

    public ImpersonationTests()
    {
        var store = new ObjectStore(100);
        Put(store, RbacRuleResolver.ClusterRoles, """
            {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "impersonate-ops"},
             "rules": [{"apiGroups": [""], "resources": ["users"], "resourceNames": ["ops"], "verbs": ["impersonate"]},
                       {"apiGroups": [""], "resources": ["groups"], "resourceNames": ["ops-team"], "verbs": ["impersonate"]},
                       {"apiGroups": ["authentication.k8s.io"], "resources": ["userextras/scopes"], "verbs": ["impersonate"]}]}
            """);
        Put(store, RbacRuleResolver.ClusterRoleBindings, """
            {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "ivan-impersonates"},
             "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "impersonate-ops"},
             "subjects": [{"kind": "User", "name": "ivan"}]}
            """);
        impersonation = new Impersonation(new Authorizer(new RbacRuleResolver(store)));
    }

    [Fact]
    public void Granted_user_group_and_extra_become_the_request_user_with_system_authenticated()
    {
        var user = impersonation.Apply(Request(("Impersonate-User", "ops"), ("Impersonate-Group", "ops-team"), ("Impersonate-Extra-Scopes", "read")), Ivan);

        Assert.Equal("ops", user.Name);
        Assert.Equal(["ops-team", "system:authenticated"], user.Groups);
        Assert.Equal(["read"], user.Extra["scopes"]);
    }

    [Fact]
    public void A_user_without_the_impersonate_grant_is_refused_with_the_real_wording()
    {
        var error = Assert.Throws<ApiException>(() => impersonation.Apply(Request(("Impersonate-User", "root")), Ivan));

        Assert.Equal(403, error.Code);
        Assert.Equal("Forbidden", error.Reason);
        Assert.Equal("users \"root\" is forbidden: User \"ivan\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope", error.Message);
    }

    [Fact]
    public void Each_group_and_uid_needs_its_own_grant()
    {
        var group = Assert.Throws<ApiException>(() => impersonation.Apply(Request(("Impersonate-User", "ops"), ("Impersonate-Group", "system:masters")), Ivan));
        var uid = Assert.Throws<ApiException>(() => impersonation.Apply(Request(("Impersonate-User", "ops"), ("Impersonate-Uid", "1234")), Ivan));

        Assert.Equal("groups \"system:masters\" is forbidden: User \"ivan\" cannot impersonate resource \"groups\" in API group \"\" at the cluster scope", group.Message);
        Assert.Equal("uids.authentication.k8s.io \"1234\" is forbidden: User \"ivan\" cannot impersonate resource \"uids\" in API group \"authentication.k8s.io\" at the cluster scope", uid.Message);
    }

    [Fact]
    public void A_service_account_is_checked_in_its_namespace()
    {
        var error = Assert.Throws<ApiException>(() => impersonation.Apply(Request(("Impersonate-User", "system:serviceaccount:apps:deployer")), Ivan));

        Assert.Equal("serviceaccounts \"deployer\" is forbidden: User \"ivan\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"apps\"", error.Message);
    }

    [Fact]
    public void An_impersonated_service_account_gets_its_groups()
    {
        var user = impersonation.Apply(Request(("Impersonate-User", "system:serviceaccount:apps:deployer")), UserInfo.Admin);

        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:apps", "system:authenticated"], user.Groups);
    }

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return context.Request;
    }

    private static void Put(ObjectStore store, string storeKey, string json) =>
        store.Put(storeKey, JsonNode.Parse(json)!.AsObject(), null);
}
