using System.Text;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// A YAML file holding markers, as text (strict UTF-8, its byte order mark remembered) with its located markers.
/// Writing puts back the same bytes except where the text changed.
/// </summary>
internal sealed class MarkerFile
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] MarkerKey = Encoding.UTF8.GetBytes(PolicyMarker.Key);

    private readonly string fullPath;
    private readonly bool hasByteOrderMark;

    private MarkerFile(string repoPath, string fullPath, bool hasByteOrderMark, string text, IReadOnlyList<MarkedScalar> markers)
    {
        RepoPath = repoPath;
        this.fullPath = fullPath;
        this.hasByteOrderMark = hasByteOrderMark;
        Text = text;
        Markers = markers;
    }

    public string RepoPath { get; }

    public string Text { get; }

    public IReadOnlyList<MarkedScalar> Markers { get; }

    /// <summary>
    /// Reads a file when it mentions $imagepolicy (others are not parsed); its broken markers, or the reason it cannot
    /// be read as YAML, go to <paramref name="errors"/>.
    /// </summary>
    public static MarkerFile? Read(string repoPath, string fullPath, List<MarkerError> errors)
    {
        var bytes = File.ReadAllBytes(fullPath);
        if (bytes.AsSpan().IndexOf(MarkerKey) < 0)
        {
            return null;
        }

        var hasByteOrderMark = bytes.AsSpan().StartsWith(ByteOrderMark);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, hasByteOrderMark ? ByteOrderMark.Length : 0, bytes.Length - (hasByteOrderMark ? ByteOrderMark.Length : 0));
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new MarkerError(repoPath, 0, "the file holds a marker but is not UTF-8 text"));
            return null;
        }

        var (markers, located) = MarkerLocator.Locate(text);
        errors.AddRange(located.Select(error => new MarkerError(repoPath, error.Line, error.Message)));
        return new MarkerFile(repoPath, fullPath, hasByteOrderMark, text, markers);
    }

    /// <summary>Writes <paramref name="text"/> in place (same file, same mode), with the byte order mark it had.</summary>
    public void Write(string text)
    {
        var body = StrictUtf8.GetBytes(text);
        File.WriteAllBytes(fullPath, hasByteOrderMark ? [.. ByteOrderMark, .. body] : body);
    }
}
