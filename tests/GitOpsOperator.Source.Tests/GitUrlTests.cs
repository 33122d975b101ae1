using GitOpsOperator.Source.Remote;

namespace GitOpsOperator.Source.Tests;

public sealed class GitUrlTests
{
    [Theory]
    [InlineData("https://Git.Example.com/org/config.git", "http://git.example.com/org/config")]
    [InlineData("https://git.example.com/org/config/", "http://git.example.com/org/config")]
    [InlineData("http://git.example.com:8080/org/config", "http://git.example.com:8080/org/config")]
    [InlineData("ssh://git@git.example.com/org/config.git", "ssh://git.example.com/org/config")]
    [InlineData("git@git.example.com:/org/config.git", "ssh://git.example.com/org/config")]
    [InlineData("git@git.example.com:org/config.git", "ssh://git.example.com/~/org/config")]
    [InlineData("git://git.example.com/org/config.git", "git://git.example.com/org/config")]
    [InlineData("file:///srv/git/config.git", "file:///srv/git/config")]
    public void Spellings_of_a_repository_normalize_to_one_cache_key(string url, string key)
    {
        Assert.Equal(key, GitUrl.Parse(url).Value!.CacheKey);
    }

    [Fact]
    public void Distinct_repositories_get_distinct_cache_directories()
    {
        var a = GitUrl.Parse("https://git.example.com/org/a.git").Value!.CacheDirectoryName();
        var b = GitUrl.Parse("https://git.example.com/org_a").Value!.CacheDirectoryName();

        Assert.NotEqual(a, b);
        Assert.DoesNotContain('/', a);
    }

    [Theory]
    [InlineData("git@host:repo.git", GitTransport.Ssh)]
    [InlineData("https://host/repo.git", GitTransport.Http)]
    [InlineData("file:///srv/repo.git", GitTransport.File)]
    public void Transport_follows_the_scheme(string url, GitTransport transport)
    {
        Assert.Equal(transport, GitUrl.Parse(url).Value!.Transport);
    }
}
