namespace GitOpsOperator.Source.Remote;

/// <summary>What a finished (or abandoned) git process left behind.</summary>
internal sealed record GitProcessResult(int ExitCode, byte[] Output, string Error, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string OutputText => System.Text.Encoding.UTF8.GetString(Output);
}
