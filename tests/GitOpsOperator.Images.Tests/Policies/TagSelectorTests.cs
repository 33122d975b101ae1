using GitOpsOperator.Images.Policies;

namespace GitOpsOperator.Images.Tests.Policies;

public sealed class TagSelectorTests
{
    private static readonly string[] Versions = ["1.0.0", "v1.4.2", "1.10.0", "2.0.0", "1.11.0-rc.1", "latest", "1.9.9"];

    [Theory]
    [InlineData(">=1.0.0 <2.0.0", "1.10.0")]
    [InlineData(">=1.0.0, <2.0.0", "1.10.0")]
    [InlineData("^1.4", "1.10.0")]
    [InlineData("1.4.x", "v1.4.2")]
    [InlineData(">=1.11.0-rc.0 <2.0.0", "1.11.0-rc.1")]
    [InlineData("*", "2.0.0")]
    public void Semver_selects_the_highest_version_in_range_and_pre_releases_only_when_named(string range, string expected)
    {
        Assert.Equal(expected, Select(new PolicySpec(SemverRange: range), Versions));
    }

    [Fact]
    public void Alphabetical_asc_selects_the_last_and_desc_the_first()
    {
        string[] tags = ["b", "c", "a"];

        Assert.Equal("c", Select(new PolicySpec(AlphabeticalOrder: "asc"), tags));
        Assert.Equal("a", Select(new PolicySpec(AlphabeticalOrder: "desc"), tags));
    }

    [Fact]
    public void Numerical_compares_numbers_not_text_and_skips_what_is_no_number()
    {
        string[] tags = ["9", "10", "100", "x", "2.5"];

        Assert.Equal("100", Select(new PolicySpec(NumericalOrder: "asc"), tags));
        Assert.Equal("2.5", Select(new PolicySpec(NumericalOrder: "desc"), tags));
    }

    [Fact]
    public void Filter_with_Go_named_groups_ranks_by_the_extract()
    {
        string[] tags = ["main-abc123-1700000100", "main-def456-1700000200", "feature-1-1800000000", "main-999aaa-900"];
        var spec = new PolicySpec(NumericalOrder: "asc", FilterPattern: "^main-[a-f0-9]+-(?P<ts>[0-9]+)$", FilterExtract: "$ts");

        Assert.Equal("main-def456-1700000200", Select(spec, tags));
        Assert.Equal("main-def456-1700000200", Select(spec with { FilterExtract = "${ts}" }, tags));
    }

    [Theory]
    [InlineData("$ts", "1700")]
    [InlineData("${ts}-x", "1700-x")]
    [InlineData("$1", "1700")]
    [InlineData("$$", "$")]
    [InlineData("$missing", "")]
    [InlineData("a$", "a$")]
    public void Extract_expands_as_Go_does(string template, string expected)
    {
        var regex = GoRegex.TryCompile("^v(?P<ts>[0-9]+)$", out _)!;

        Assert.Equal(expected, GoRegex.Expand(template, regex.Match("v1700", out _)!));
    }

    [Fact]
    public void Posix_classes_are_read_as_Go_reads_them()
    {
        Assert.Equal("1.2.3", Select(new PolicySpec(AlphabeticalOrder: "asc", FilterPattern: "^[[:digit:].]+$"), ["1.2.3", "abc", "a:b"]));
    }

    [Theory]
    [InlineData(">=1.0.0 <<2", null, null)]
    [InlineData(null, "sideways", null)]
    [InlineData(null, "asc", "([a-z")]
    public void An_invalid_range_order_or_pattern_is_InvalidPolicy_never_match_everything(string? range, string? order, string? pattern)
    {
        var selector = TagSelector.TryCreate(new PolicySpec(SemverRange: range, AlphabeticalOrder: order, FilterPattern: pattern), out var failure);

        Assert.Null(selector);
        Assert.True(failure!.Invalid);
    }

    [Fact]
    public void Two_policies_or_none_are_InvalidPolicy()
    {
        TagSelector.TryCreate(new PolicySpec(SemverRange: "*", NumericalOrder: "asc"), out var two);
        TagSelector.TryCreate(new PolicySpec(), out var none);

        Assert.Contains("semver and numerical", two!.Message, StringComparison.Ordinal);
        Assert.True(none!.Invalid);
    }

    [Fact]
    public void A_pattern_that_would_backtrack_for_ever_runs_in_linear_time()
    {
        var evil = new string('a', 5000) + "!";
        var spec = new PolicySpec(AlphabeticalOrder: "asc", FilterPattern: "^(a+)+$");

        Assert.Equal("aaa", Select(spec, [evil, "aaa"]));
    }

    [Fact]
    public void A_pattern_that_needs_backtracking_and_runs_past_its_time_limit_is_InvalidPolicy()
    {
        var evil = new string('a', 40) + "!";
        var selector = TagSelector.TryCreate(new PolicySpec(AlphabeticalOrder: "asc", FilterPattern: @"^(a|aa)+(?=b)\1$"), out _)!;

        var selected = selector.Select([evil], null, out var failure);

        Assert.Null(selected);
        Assert.True(failure!.Invalid);
        Assert.Contains("backtracks", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_tag_left_is_NoMatchingTag()
    {
        var selector = TagSelector.TryCreate(new PolicySpec(SemverRange: ">=5.0.0"), out _)!;

        Assert.Null(selector.Select(Versions, null, out var failure));
        Assert.False(failure!.Invalid);
    }

    [Fact]
    public void The_previous_selection_is_the_floor_unless_downgrades_are_allowed()
    {
        var selector = TagSelector.TryCreate(new PolicySpec(SemverRange: ">=1.0.0"), out _)!;
        var allowing = TagSelector.TryCreate(new PolicySpec(SemverRange: ">=1.0.0", AllowDowngrade: true), out _)!;
        string[] afterDeletion = ["1.0.0", "1.2.0"];

        Assert.Equal("1.5.0", selector.Select(afterDeletion, "1.5.0", out _));
        Assert.Equal("1.2.0", allowing.Select(afterDeletion, "1.5.0", out _));
        Assert.Equal("1.2.0", selector.Select(afterDeletion, "1.1.0", out _));
    }

    private static string? Select(PolicySpec spec, IEnumerable<string> tags)
    {
        var selector = TagSelector.TryCreate(spec, out var invalid);
        Assert.Null(invalid);
        var selected = selector!.Select(tags, null, out var failure);
        Assert.Null(failure);
        return selected;
    }
}
