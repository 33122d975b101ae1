namespace GitOpsOperator.Hosting;

/// <summary>What the command line asks for: help, or a run with these settings; or what is wrong with it.</summary>
public sealed record CommandLineResult(bool Help, string? Error, IReadOnlyDictionary<string, string?> Settings)
{
    public static CommandLineResult ShowHelp { get; } = new(true, null, new Dictionary<string, string?>());

    public static CommandLineResult Failure(string error) => new(false, error, new Dictionary<string, string?>());

    public static CommandLineResult Run(IReadOnlyDictionary<string, string?> settings) => new(false, null, settings);
}
