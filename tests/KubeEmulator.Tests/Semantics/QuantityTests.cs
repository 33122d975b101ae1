using KubeEmulator.Semantics;

namespace KubeEmulator.Tests.Semantics;

public class QuantityTests
{
    [Theory]
    [InlineData("1000m", "1")]
    [InlineData("1500m", "1500m")]
    [InlineData("0.5", "500m")]
    [InlineData("0.1", "100m")]
    [InlineData("1", "1")]
    [InlineData("2000", "2k")]
    [InlineData("100M", "100M")]
    [InlineData("1000M", "1G")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("1536Mi", "1536Mi")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("2048Ki", "2Mi")]
    [InlineData("0.5Ki", "512")]
    [InlineData("1024", "1024")]
    [InlineData("1e3", "1e3")]
    [InlineData("1E6", "1e6")]
    [InlineData("0", "0")]
    [InlineData("0.0001", "1m")]
    [InlineData("1.0005", "1001m")]
    [InlineData("+5", "5")]
    public void Quantity_is_written_back_in_canonical_form(string input, string expected)
    {
        Assert.Equal(expected, Quantity.CanonicalResource(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("5Xi")]
    [InlineData("1 Gi")]
    public void Malformed_quantity_is_left_alone(string input)
    {
        Assert.Null(Quantity.CanonicalResource(input));
    }
}
