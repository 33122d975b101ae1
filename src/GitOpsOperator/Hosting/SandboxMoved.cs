namespace GitOpsOperator.Hosting;

/// <summary>The sandbox left the operator (its image carries the operator only) for <c>kubectl gitops</c>; old habits are pointed there.</summary>
public static class SandboxMoved
{
    public const string Command = "sandbox";

    public const string Message =
        "error: the sandbox moved to the kubectl gitops tool: dotnet run --project src/GitOpsOperator.Cli -- sandbox";

    /// <summary>Prints where the sandbox went; returns 2, a usage error.</summary>
    public static async Task<int> ReportAsync(TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        await errors.WriteLineAsync(Message).ConfigureAwait(false);
        return 2;
    }
}
