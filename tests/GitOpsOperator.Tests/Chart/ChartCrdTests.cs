using GitOpsOperator.Crds;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Chart;

public sealed class ChartCrdTests
{
    [Fact]
    public void The_chart_crds_are_byte_identical_to_deploy_crds_and_the_embedded_copies()
    {
        var deploy = Files(RepositoryRoot.Combine("deploy", "crds"));
        var chart = Files(Path.Combine(Helm.ChartPath, "crds"));

        Assert.Equal(deploy.Select(f => f.Name), chart.Select(f => f.Name));
        Assert.All(deploy.Zip(chart), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        Assert.Equal(chart.Select(f => (f.Name, File.ReadAllText(f.Path))), CrdManifests.Files());
    }

    private static List<(string Name, string Path, byte[] Bytes)> Files(string directory) =>
        Directory.GetFiles(directory)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), path, File.ReadAllBytes(path)))
            .ToList();
}
