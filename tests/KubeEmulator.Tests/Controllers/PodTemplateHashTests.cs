using KubeEmulator.Controllers;

namespace KubeEmulator.Tests.Controllers;

public class PodTemplateHashTests
{
    [Fact]
    public void Same_template_gives_same_hash_whatever_the_label_order()
    {
        var first = Workloads.Template("nginx:1.27", ("app", "web"), ("tier", "front"));
        var second = Workloads.Template("nginx:1.27", ("tier", "front"), ("app", "web"));

        Assert.Equal(PodTemplateHash.Of(first), PodTemplateHash.Of(second));
    }

    [Fact]
    public void Changed_image_changes_the_hash()
    {
        Assert.NotEqual(PodTemplateHash.Of(Workloads.Template("nginx:1.27")), PodTemplateHash.Of(Workloads.Template("nginx:1.28")));
    }

    [Fact]
    public void Hash_is_short_and_made_of_consonants_and_digits_only()
    {
        var hash = PodTemplateHash.Of(Workloads.Template("nginx:1.27"));

        Assert.InRange(hash.Length, 1, 10);
        Assert.All(hash, c => Assert.Contains(c, "bcdfghjklmnpqrstvwxz2456789"));
    }
}
