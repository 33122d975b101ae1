using GitOpsOperator.Api;
using GitOpsOperator.Controllers.ImageUpdateAutomations;
using GitOpsOperator.Images.Setters;

namespace GitOpsOperator.Tests.Images;

public sealed class MarkerHoldsTests
{
    private const string File = "apps/web/deploy.yaml";
    private const string Policy = "gitops-system:web";

    private static readonly IReadOnlyList<ReleasedValue> Released11 = [new() { File = File, Policy = Policy, Field = "tag", Value = "1.1.0" }];

    [Theory]
    [InlineData("1.0.0", "1.1.0", true)]   // reverted, the policy still selects what was released: held
    [InlineData("1.0.0", "1.2.0", false)]  // a newer tag is selected: released past the hold
    [InlineData("1.1.0", "1.1.0", false)]  // set back to the automation's value: no hold
    [InlineData("0.9.0", null, false)]     // the policy has no selection
    public void A_marker_changed_from_the_released_value_is_held_only_while_the_policy_selects_that_value(string inFile, string? selected, bool held)
    {
        var marker = new MarkerValue(File, 14, Policy, MarkerField.Tag, inFile);

        var holds = MarkerHolds.Find([marker], Released11, (_, _) => selected);

        Assert.Equal(held, holds.Count == 1);
    }

    [Fact]
    public void A_marker_never_released_by_the_automation_is_never_held()
    {
        var holds = MarkerHolds.Find([new MarkerValue("apps/other.yaml", 3, Policy, MarkerField.Tag, "1.0.0")], Released11, (_, _) => "1.1.0");

        Assert.Empty(holds);
    }

    [Fact]
    public void Released_values_keep_earlier_releases_of_present_markers_take_the_new_ones_and_forget_markers_gone()
    {
        IReadOnlyList<ReleasedValue> before =
        [
            new() { File = "gone.yaml", Policy = Policy, Field = "tag", Value = "1.0.0" },
            new() { File = File, Policy = Policy, Field = "tag", Value = "1.1.0" },
            new() { File = File, Policy = Policy, Field = "digest", Value = "sha256:a" },
        ];
        MarkerValue[] present = [new(File, 14, Policy, MarkerField.Tag, "1.1.0"), new(File, 15, Policy, MarkerField.Digest, "sha256:a")];

        var after = MarkerHolds.Update(before, present, [new FileChange(File, 14, Policy, MarkerField.Tag, "1.1.0", "1.2.0", "registry/web")]);

        Assert.Equal(["digest=sha256:a", "tag=1.2.0"], after.Select(r => $"{r.Field}={r.Value}"));
    }
}
