namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>
/// An application path of 20 objects of mixed kinds, as a team would keep it in git: a Namespace, a CRD and a
/// custom resource of it, config, a Secret, RBAC (namespaced and cluster-wide) and workloads with their Services.
/// </summary>
internal static class ShopApp
{
    public const string Path = "apps/shop";
    public const string Namespace = "shop";

    /// <summary>Every object of the path as kubectl names it ("kind/name"); the namespaced ones live in <see cref="Namespace"/>.</summary>
    public static readonly IReadOnlyList<string> Objects =
    [
        "namespace/shop",
        "customresourcedefinition/widgets.shop.example.com",
        "widgets.shop.example.com/gizmo",
        "configmap/settings",
        "configmap/features",
        "configmap/limits",
        "secret/credentials",
        "serviceaccount/runner",
        "role/runner",
        "rolebinding/runner",
        "clusterrole/shop-reader",
        "clusterrolebinding/shop-reader",
        "deployment/web",
        "service/web",
        "deployment/worker",
        "statefulset/cache",
        "service/cache",
        "cronjob/nightly",
        "ingress/web",
        "networkpolicy/default-deny",
    ];

    public static (string Path, string? Content)[] Files =>
    [
        ($"{Path}/namespace.yaml", NamespaceYaml),
        ($"{Path}/crd.yaml", CrdYaml),
        ($"{Path}/widget.yaml", WidgetYaml),
        ($"{Path}/config/settings.yaml", Settings("blue")),
        ($"{Path}/config/features.yaml", FeaturesYaml),
        ($"{Path}/config/limits.yaml", LimitsYaml),
        ($"{Path}/secret.yaml", SecretYaml),
        ($"{Path}/rbac.yaml", RbacYaml),
        ($"{Path}/cluster-rbac.yaml", ClusterRbacYaml),
        ($"{Path}/web.yaml", Web("registry.example.com/shop/web:1.0")),
        ($"{Path}/worker.yaml", WorkerYaml),
        ($"{Path}/cache.yaml", CacheYaml),
        ($"{Path}/nightly.yaml", NightlyYaml),
        ($"{Path}/ingress.yaml", IngressYaml),
        ($"{Path}/network-policy.yaml", NetworkPolicyYaml),
    ];

    public static string Settings(string color) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: shop
        data:
          color: {{color}}
          currency: EUR
        """;

    public static string ConfigMap(string name, string key, string value) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{name}}
          namespace: shop
        data:
          {{key}}: "{{value}}"
        """;

    public static string Web(string image) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              serviceAccountName: runner
              containers:
                - name: web
                  image: {{image}}
                  ports:
                    - containerPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector: { app: web }
          ports:
            - port: 80
              targetPort: 8080
        """;

    private const string NamespaceYaml = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        """;

    private const string CrdYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.shop.example.com
        spec:
          group: shop.example.com
          scope: Namespaced
          names:
            plural: widgets
            singular: widget
            kind: Widget
            listKind: WidgetList
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size:
                          type: integer
                        color:
                          type: string
        """;

    private const string WidgetYaml = """
        apiVersion: shop.example.com/v1
        kind: Widget
        metadata:
          name: gizmo
          namespace: shop
        spec:
          size: 3
          color: green
        """;

    private const string FeaturesYaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: features
          namespace: shop
        data:
          checkout: "on"
          wishlist: "off"
        """;

    private const string LimitsYaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: limits
          namespace: shop
        data:
          maxCart: "50"
        """;

    private const string SecretYaml = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: credentials
          namespace: shop
        type: Opaque
        data:
          password: aHVudGVyMg==
        """;

    private const string RbacYaml = """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: runner
          namespace: shop
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: runner
          namespace: shop
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get, list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: runner
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: runner
        subjects:
          - kind: ServiceAccount
            name: runner
            namespace: shop
        """;

    private const string ClusterRbacYaml = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: shop-reader
        rules:
          - apiGroups: [shop.example.com]
            resources: [widgets]
            verbs: [get, list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: shop-reader
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: shop-reader
        subjects:
          - kind: ServiceAccount
            name: runner
            namespace: shop
        """;

    private const string WorkerYaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: worker
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: { app: worker }
          template:
            metadata:
              labels: { app: worker }
            spec:
              containers:
                - name: worker
                  image: registry.example.com/shop/worker:1.0
                  envFrom:
                    - configMapRef: { name: settings }
        """;

    private const string CacheYaml = """
        apiVersion: v1
        kind: Service
        metadata:
          name: cache
          namespace: shop
        spec:
          clusterIP: None
          selector: { app: cache }
          ports:
            - port: 6379
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: cache
          namespace: shop
        spec:
          serviceName: cache
          replicas: 1
          selector:
            matchLabels: { app: cache }
          template:
            metadata:
              labels: { app: cache }
            spec:
              containers:
                - name: redis
                  image: registry.example.com/redis:7
        """;

    private const string NightlyYaml = """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
          namespace: shop
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: report
                      image: registry.example.com/shop/report:1.0
        """;

    private const string IngressYaml = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          namespace: shop
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port: { number: 80 }
        """;

    private const string NetworkPolicyYaml = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: shop
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;
}
