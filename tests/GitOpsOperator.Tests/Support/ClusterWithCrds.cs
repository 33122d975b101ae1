using GitOpsOperator.Crds;
using k8s;
using k8s.Models;
using KubeEmulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.Support;

/// <summary>An emulated cluster with the operator's CRDs installed and the namespace of API.md's examples.</summary>
internal static class ClusterWithCrds
{
    public const string Namespace = "gitops-system";

    /// <summary>
    /// An emulator without authentication: kubectl sends no bearer token over plain HTTP, and its kubeconfig
    /// ("user: {}") is what the operator must accept too.
    /// </summary>
    public static Task<EmulatedCluster> StartEmulatorAsync() => EmulatedCluster.StartAsync();

    public static async Task<EmulatedCluster> StartAsync()
    {
        var cluster = await StartEmulatorAsync();
        var installer = new CrdInstaller(cluster.Client, NullLogger<CrdInstaller>.Instance, TimeProvider.System);
        await installer.InstallAsync(CrdManifests.All(), Eventually.Deadline, CancellationToken.None);
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } });
        return cluster;
    }
}
