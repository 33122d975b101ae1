using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

public class SafetyLimitTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n";

    [Fact]
    public async Task File_larger_than_the_limit_is_refused_by_its_size_without_reading_it()
    {
        using var repo = new TestRepo().With("ok.yaml", ConfigMap);
        using (var huge = File.Create(Path.Combine(repo.Root, "huge.yaml")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        var result = await repo.RenderAsync();

        var error = Assert.Single(result.Errors);
        Assert.Equal("huge.yaml", error.Location?.File);
        Assert.Contains("52428800 bytes, more than the limit of 8388608 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_to_a_file_outside_the_repository_is_refused()
    {
        using var repo = new TestRepo().With("ok.yaml", ConfigMap).WithSymlink("apps/passwd.yaml", "/etc/passwd");

        var result = await repo.RenderAsync();

        var error = Assert.Single(result.Errors);
        Assert.Equal("apps/passwd.yaml", error.Location?.ToString());
        Assert.Equal("symlink points outside the repository", error.Message);
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Symlinked_directory_outside_the_repository_is_refused()
    {
        using var repo = new TestRepo().With("ok.yaml", ConfigMap).WithSymlink("etc", "/etc");

        var result = await repo.RenderAsync();

        Assert.Equal("etc", Assert.Single(result.Errors).Location?.File);
    }

    [Fact]
    public async Task Symlink_inside_the_repository_is_followed()
    {
        using var repo = new TestRepo().With("shared/cm.yaml", ConfigMap).WithSymlink("app/cm.yaml", "../shared/cm.yaml");

        var result = await repo.RenderAsync("app");

        Assert.Equal("app/cm.yaml", Assert.Single(result.Objects).Source.File);
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("apps/../../outside")]
    [InlineData("/etc")]
    public async Task Path_leaving_the_repository_root_is_refused(string path)
    {
        using var repo = new TestRepo().With("apps/cm.yaml", ConfigMap);

        var result = await repo.RenderAsync(path);

        Assert.Equal($"path \"{path}\" leaves the repository root", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Path_through_a_symlink_that_leaves_the_repository_is_refused()
    {
        using var repo = new TestRepo().WithSymlink("escape", "/etc");

        var result = await repo.RenderAsync("escape");

        Assert.Equal("path \"escape\" leaves the repository root", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Kustomization_referencing_a_symlink_that_leaves_the_repository_is_refused_before_kustomize_runs()
    {
        using var repo = new TestRepo()
            .With("app/kustomization.yaml", "resources:\n  - secrets.yaml\n")
            .WithSymlink("app/secrets.yaml", "/etc/passwd");
        var options = new ManifestOptions { KustomizeCommand = ["/nonexistent/kustomize"] };

        var result = await repo.RenderAsync("app", options: options);

        var error = Assert.Single(result.Errors);
        Assert.Equal("app/kustomization.yaml", error.Location?.ToString());
        Assert.Equal("\"secrets.yaml\" is a symlink that points outside the repository", error.Message);
    }

    [Fact]
    public async Task Object_count_above_the_limit_fails()
    {
        using var repo = new TestRepo()
            .With("a.yaml", ConfigMap.Replace("cm", "a", StringComparison.Ordinal))
            .With("b.yaml", ConfigMap.Replace("cm", "b", StringComparison.Ordinal));
        var options = new ManifestOptions { Limits = new ManifestLimits { MaxObjects = 1 } };

        var result = await repo.RenderAsync(options: options);

        Assert.Contains("more than the limit of 1 objects", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_fails_with_the_line()
    {
        using var repo = new TestRepo().With("deep.yaml", ConfigMap + "data:\n  x: " + new string('[', 50) + new string(']', 50) + "\n");
        var options = new ManifestOptions { Limits = new ManifestLimits { MaxDepth = 20 } };

        var result = await repo.RenderAsync(options: options);

        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Location?.Line);
        Assert.Contains("nesting deeper than 20 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_errors_do_not_repeat_the_value_which_may_be_a_secret()
    {
        using var repo = new TestRepo().With("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: !!int hunter2\n");

        var result = await repo.RenderAsync();

        var error = Assert.Single(result.Errors);
        Assert.Equal("secret.yaml:6:13", error.Location?.ToString());
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }
}
