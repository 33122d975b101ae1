namespace GitOpsOperator.Testing;

/// <summary>
/// One invocation of a program: its arguments, optional standard input, extra environment and how long it may run.
/// A command that outlives <see cref="Timeout"/> is killed with its whole process tree.
/// </summary>
public sealed record ProcessCommand(string Executable, IReadOnlyList<string> Arguments)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public string? Input { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public string? WorkingDirectory { get; init; }

    public override string ToString() => $"{Path.GetFileName(Executable)} {string.Join(' ', Arguments)}";
}
