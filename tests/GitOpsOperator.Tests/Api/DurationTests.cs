using GitOpsOperator.Api;

namespace GitOpsOperator.Tests.Api;

public sealed class DurationTests
{
    [Theory]
    [InlineData("1m", 60_000)]
    [InlineData("60s", 60_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("0s", 0)]
    public void Durations_of_the_API_parse(string text, double milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("1d")]
    [InlineData("-1m")]
    [InlineData("1m 30s")]
    [InlineData(".5s")]
    [InlineData("99999999999999999999999999999h")]
    public void Text_that_is_not_a_duration_is_refused(string text) =>
        Assert.False(Duration.TryParse(text, out _));

    [Fact]
    public void Parse_names_the_text_it_refuses()
    {
        var error = Assert.Throws<FormatException>(() => Duration.Parse("often"));

        Assert.Contains("\"often\"", error.Message);
    }
}
