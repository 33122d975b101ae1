using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

/// <summary>
/// Every case in bad-inputs/ is a path that must fail with exactly one error, at the place and with the message its
/// case.txt names (<c>location:</c>, <c>message:</c>, and optionally <c>object:</c> and <c>targetNamespace: none</c>).
/// </summary>
public class BadInputCorpusTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "bad-inputs")).Select(dir => Path.GetFileName(dir)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_fails_with_one_error_naming_file_and_line(string name)
    {
        var expected = ReadCase(name);
        using var repo = new TestRepo().WithFixture(Path.Combine("bad-inputs", name));
        File.Delete(Path.Combine(repo.Root, "case.txt"));

        var result = await repo.RenderAsync(targetNamespace: expected.GetValueOrDefault("targetNamespace") == "none" ? null : "apps");

        Assert.Equal(RenderOutcome.Failed, result.Outcome);
        Assert.Empty(result.Objects);
        var error = Assert.Single(result.Errors);
        Assert.True(expected["location"] == error.Location?.ToString(), $"expected at {expected["location"]}: {error}");
        Assert.Contains(expected["message"], error.Message, StringComparison.Ordinal);
        if (expected.TryGetValue("object", out var subject))
        {
            Assert.Equal(subject, error.Object);
        }
    }

    private static Dictionary<string, string> ReadCase(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "bad-inputs", name, "case.txt"))
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
}
