using GitOpsOperator.Controllers.ImageUpdateAutomations;

namespace GitOpsOperator.Tests.Images;

public sealed class ReleaseMessageTests
{
    private static readonly ReleaseMessage.Release[] Two =
    [
        new("registry.example.com/shop/web", "1.0.0", "1.1.0"),
        new("registry.example.com/shop/api", "2.0.0", "2.1.0"),
    ];

    [Fact]
    public void The_default_message_is_one_release_line_per_change()
    {
        Assert.Equal(
            "Release registry.example.com/shop/web:1.0.0 -> 1.1.0\nRelease registry.example.com/shop/api:2.0.0 -> 2.1.0\n",
            ReleaseMessage.Format(null, Two));
    }

    [Fact]
    public void A_template_gets_the_changes_and_their_count()
    {
        Assert.Equal(
            "Automated release of 2 images\n\nregistry.example.com/shop/web:1.0.0 -> 1.1.0\nregistry.example.com/shop/api:2.0.0 -> 2.1.0",
            ReleaseMessage.Format("Automated release of {count} images\n\n{changes}", Two));
    }
}
