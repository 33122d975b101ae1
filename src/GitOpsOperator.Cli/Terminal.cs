namespace GitOpsOperator.Cli;

/// <summary>Where a command writes: standard output, standard error, and whether colour is wanted (only on a terminal, never with NO_COLOR).</summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    public bool Colour => IsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The text in green on a colour terminal, as it is otherwise.</summary>
    public string Good(string text) => Colour ? $"\u001b[32m{text}\u001b[0m" : text;

    /// <summary>The text in red on a colour terminal, as it is otherwise.</summary>
    public string Bad(string text) => Colour ? $"\u001b[31m{text}\u001b[0m" : text;
}
