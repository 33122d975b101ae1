using System.Text.RegularExpressions;

namespace GitOpsOperator.Source.Push;

/// <summary>What <c>git push --porcelain</c> said about the one ref it pushed, and what the server said on the way.</summary>
/// <param name="Summary">The ref's status, e.g. <c>[rejected] (fetch first)</c> or <c>[remote rejected] (pre-receive hook declined)</c>;
/// null when git reported no status for the ref (it never reached the server).</param>
/// <param name="ServerSaid">The server's own lines (<c>remote: …</c>), e.g. a hook's message.</param>
internal sealed partial record PushReport(string? Summary, IReadOnlyList<string> ServerSaid)
{
    private static readonly string[] ClientLostRaceSigns = ["(fetch first)", "(non-fast-forward)", "(stale info)"];
    private static readonly string[] ServerLostRaceSigns = ["cannot lock ref", "incorrect old value"];

    public bool Rejected => Summary?.Contains("rejected]", StringComparison.Ordinal) == true;

    /// <summary>The branch moved since it was fetched: a fetch and a new attempt can succeed.</summary>
    /// <remarks>git itself rejects a push behind the branch ("[rejected] (fetch first)"). A push racing another at the
    /// server's ref update ends "[remote rejected] (failed to update ref)", the server saying "cannot lock ref …: is at X but
    /// expected Y". Any other server refusal, "[remote rejected] (non-fast-forward)" from a protected branch
    /// (receive.denyNonFastForwards) included, fails the same way on every attempt.</remarks>
    public bool LostRace => Rejected && (Summary!.StartsWith("[remote rejected]", StringComparison.Ordinal)
        ? ServerLostRaceSigns.Any(sign => Summary.Contains(sign, StringComparison.Ordinal) || ServerSaid.Any(line => line.Contains(sign, StringComparison.Ordinal)))
        : ClientLostRaceSigns.Any(sign => Summary.Contains(sign, StringComparison.Ordinal)));

    public static PushReport Parse(string porcelainOutput, string error)
    {
        ArgumentNullException.ThrowIfNull(porcelainOutput);
        ArgumentNullException.ThrowIfNull(error);
        var summary = porcelainOutput.Split('\n')
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 3 && fields[0].Length == 1)
            .Select(fields => fields[2].Trim())
            .FirstOrDefault();
        var serverSaid = error.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("remote:", StringComparison.Ordinal))
            .Select(line => line["remote:".Length..].Trim())
            .Where(line => line.Length > 0 && !Progress().IsMatch(line))
            .TakeLast(10)
            .ToList();
        return new PushReport(summary, serverSaid);
    }

    [GeneratedRegex("^(Enumerating|Counting|Compressing|Resolving|Total|Writing|Processing|Unpacking) ")]
    private static partial Regex Progress();
}
