namespace GitOpsOperator.Tests.Packaging;

/// <summary>No container engine runs here: the image's publish step and entry point are checked by running them.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryRoot.Combine("Dockerfile"));

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand(file, [.. args]) { WorkingDirectory = RepositoryRoot.Path, Timeout = timeout });
        return (result.ExitCode, result.Output);
    }

    [Fact]
    public async Task The_image_publish_step_yields_an_operator_that_prints_its_usage()
    {
        var publish = Lines.Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal))["RUN ".Length..].Split(' ');
        var output = Directory.CreateTempSubdirectory("operator-publish-").FullName;
        try
        {
            var outputAt = Array.IndexOf(publish, "-o") + 1;
            Assert.Equal("/app", publish[outputAt]);
            publish[outputAt] = output;

            var (published, publishLog) = await RunAsync(publish[0], publish[1..], TimeSpan.FromMinutes(10));
            Assert.True(published == 0, publishLog);
            Assert.False(File.Exists(Path.Combine(output, "KubeEmulator.dll")), "the image carries the operator only, not the API server emulator");

            var entryPoint = Lines.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
            Assert.Equal("ENTRYPOINT [\"/app/GitOpsOperator\"]", entryPoint);
            var (exitCode, usage) = await RunAsync(Path.Combine(output, "GitOpsOperator"), ["--help"], TimeSpan.FromMinutes(1));

            Assert.Equal(0, exitCode);
            Assert.StartsWith("Usage: gitops-operator", usage);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void The_image_builds_with_the_sdk_runs_on_aspnet_as_a_non_root_user_without_healthcheck()
    {
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", Lines);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/aspnet:10.0", Lines.Last(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Equal("USER $APP_UID", Lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.DoesNotContain(Lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        var install = Lines.Single(l => l.Contains("apt-get install", StringComparison.Ordinal));
        Assert.Contains("git openssh-client", install);
        Assert.Contains(Lines, l => l.Contains("/usr/local/bin/kubectl", StringComparison.Ordinal));
    }
}
