namespace GitOpsOperator.Source;

/// <summary>One fetched (and, when asked, verified) commit of a source, as status.artifact shows it.</summary>
/// <param name="Revision">As API.md "Revisions" says: <c>main@sha1:…</c>, <c>v1.2.0@sha1:…</c> or <c>sha1:…</c>.</param>
/// <param name="Message">The first line of the commit message.</param>
/// <param name="Author">"name &lt;email&gt;".</param>
public sealed record Artifact(
    string Url,
    string Revision,
    string CommitSha,
    string Message,
    string Author,
    DateTimeOffset Time,
    DateTimeOffset FetchedAt);
