namespace GitOpsOperator.Cli.Arguments;

/// <summary>
/// A command line read against the flags a command accepts: "--name value", "--name=value", "-n value", "-nvalue";
/// everything else is a positional argument. An unknown flag or a missing value is a usage error.
/// </summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> switches = new(StringComparer.Ordinal);

    private ParsedArguments(IReadOnlyList<string> positionals) => Positionals = positionals;

    public IReadOnlyList<string> Positionals { get; }

    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<Flag> accepted)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positionals = new List<string>();
        var parsed = new ParsedArguments(positionals);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                positionals.Add(arg);
                continue;
            }

            var (flag, inline) = Find(arg, accepted) ?? throw CliException.Usage($"unknown flag \"{arg}\" (see --help)");
            if (!flag.TakesValue)
            {
                parsed.switches.Add(flag.Name);
                continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw CliException.Usage($"{flag.Name} needs a value"));
            parsed.values[flag.Name] = value;
        }

        return parsed;
    }

    public bool Has(Flag flag) => switches.Contains(flag.Name);

    public string? Value(Flag flag) => values.GetValueOrDefault(flag.Name);

    private static (Flag Flag, string? Inline)? Find(string arg, IReadOnlyList<Flag> accepted)
    {
        foreach (var flag in accepted)
        {
            if (arg == flag.Name || arg == flag.Short)
            {
                return (flag, null);
            }

            if (arg.StartsWith(flag.Name + "=", StringComparison.Ordinal))
            {
                return (flag, arg[(flag.Name.Length + 1)..]);
            }

            if (flag is { TakesValue: true, Short: { } shortName } && arg.StartsWith(shortName, StringComparison.Ordinal))
            {
                var rest = arg[shortName.Length..];
                return (flag, rest.StartsWith('=') ? rest[1..] : rest);
            }
        }

        return null;
    }
}
