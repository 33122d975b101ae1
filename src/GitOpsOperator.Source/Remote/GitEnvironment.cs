namespace GitOpsOperator.Source.Remote;

/// <summary>
/// The environment of one git invocation: configuration passed through <c>GIT_CONFIG_*</c> variables, so credentials
/// live only in that process (never on a command line other users can read), and the values to scrub from its output.
/// </summary>
internal sealed record GitEnvironment(
    IReadOnlyList<KeyValuePair<string, string>> Config,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<string> Secrets)
{
    public static readonly GitEnvironment Empty = new([], new Dictionary<string, string>(), []);

    /// <summary>Applies this environment, on top of one that isolates git from the machine's own configuration.</summary>
    public void ApplyTo(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_ASKPASS"] = "/bin/false";
        environment["SSH_ASKPASS"] = "/bin/false";
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        environment["GIT_ALLOW_PROTOCOL"] = "file:git:http:https:ssh";
        environment["LC_ALL"] = "C";
        environment["GIT_CONFIG_COUNT"] = Config.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < Config.Count; i++)
        {
            environment[$"GIT_CONFIG_KEY_{i}"] = Config[i].Key;
            environment[$"GIT_CONFIG_VALUE_{i}"] = Config[i].Value;
        }

        foreach (var (name, value) in Variables)
        {
            environment[name] = value;
        }
    }

    /// <summary>The text with every secret value replaced, for messages and logs.</summary>
    public string Scrub(string text) =>
        Secrets.Where(secret => secret.Length > 0).Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
}
