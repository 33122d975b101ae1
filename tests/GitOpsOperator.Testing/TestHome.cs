namespace GitOpsOperator.Testing;

/// <summary>A private HOME for the tools tests run, so the machine's ~/.kube and ~/.config never leak into a test.</summary>
internal static class TestHome
{
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["HOME"] = Path.Combine(Path.GetTempPath(), "gitops-operator-tests-home"),
    };
}
