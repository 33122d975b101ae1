namespace KubeEmulator.Tests.Rbac;

/// <summary>A Role or binding may grant only what its author holds, unless the author may escalate or bind.</summary>
[Collection(RbacCluster.Collection)]
public sealed class KubectlEscalationTests(RbacCluster cluster)
{
    private const string Author = "system:serviceaccount:esc:author";
    private const string AuthorGroups = "[\"system:serviceaccounts\" \"system:serviceaccounts:esc\" \"system:authenticated\"]";

    private const string Setup = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: esc}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: rbac-author, namespace: esc}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create, get, patch]}
        - {apiGroups: [""], resources: [configmaps], verbs: [get, list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: author, namespace: esc}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: rbac-author}
        subjects: [{kind: ServiceAccount, name: author, namespace: esc}]
        """;

    [Fact]
    public async Task A_role_with_rights_its_author_lacks_is_refused_with_the_missing_rules()
    {
        await cluster.ApplyAsync(Setup);

        var held = await cluster.KubectlAsync("create", "role", "cm-reader", "--verb=get,list", "--resource=configmaps", "-n", "esc", "--as", Author);
        var escalating = await cluster.KubectlAsync("create", "role", "too-much", "--verb=get,delete", "--resource=configmaps,deployments.apps", "-n", "esc", "--as", Author);

        Assert.True(held.Succeeded, held.ToString());
        Assert.Equal(
            $"Error from server (Forbidden): roles.rbac.authorization.k8s.io \"too-much\" is forbidden: user \"{Author}\" (groups={AuthorGroups}) is attempting to grant RBAC permissions not currently held:\n"
            + "{APIGroups:[\"\"], Resources:[\"configmaps\"], Verbs:[\"delete\"]}\n"
            + "{APIGroups:[\"apps\"], Resources:[\"deployments\"], Verbs:[\"get\" \"delete\"]}\n",
            escalating.Stderr);
    }

    [Fact]
    public async Task A_binding_to_a_role_with_rights_its_author_lacks_is_refused_unless_the_author_may_bind_it()
    {
        await cluster.ApplyAsync(Setup);

        var refused = await cluster.KubectlAsync("create", "rolebinding", "eve-admin", "--clusterrole=admin", "--user=eve", "-n", "esc", "--as", Author);
        await cluster.ApplyAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: may-bind-admin, namespace: esc}
            rules:
            - {apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], resourceNames: [admin], verbs: [bind]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: author-binds, namespace: esc}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: may-bind-admin}
            subjects: [{kind: ServiceAccount, name: author, namespace: esc}]
            """);
        var allowed = await cluster.KubectlAsync("create", "rolebinding", "eve-admin", "--clusterrole=admin", "--user=eve", "-n", "esc", "--as", Author);

        Assert.StartsWith(
            $"error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io \"eve-admin\" is forbidden: user \"{Author}\" (groups={AuthorGroups}) is attempting to grant RBAC permissions not currently held:\n",
            refused.Stderr);
        Assert.Contains("{APIGroups:[\"apps\"], Resources:[\"deployments\"], Verbs:[\"create\" \"delete\" \"deletecollection\" \"patch\" \"update\" \"get\" \"list\" \"watch\"]}\n", refused.Stderr);
        Assert.True(allowed.Succeeded, allowed.ToString());
        Assert.Equal("yes", await cluster.CanIAsync("delete", "deployments", "-n", "esc", "--as", "eve"));
    }

    [Fact]
    public async Task The_escalate_verb_lets_an_author_write_rules_it_does_not_hold()
    {
        await cluster.ApplyAsync(Setup);
        await cluster.ApplyAsync("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: esc-2}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: escalator, namespace: esc-2}
            rules:
            - {apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [create, escalate]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: escalator, namespace: esc-2}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: escalator}
            subjects: [{kind: ServiceAccount, name: author, namespace: esc}]
            """);

        var created = await cluster.KubectlAsync("create", "role", "secrets-admin", "--verb=*", "--resource=secrets", "-n", "esc-2", "--as", Author);

        Assert.True(created.Succeeded, created.ToString());
    }
}
