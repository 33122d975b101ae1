using System.Text;
using GitOpsOperator.Manifests.Json;
using GitOpsOperator.Manifests.Yaml;

namespace GitOpsOperator.Manifests.Reading;

/// <summary>Turns a file's bytes into documents: a JSON stream when it starts with '{' (as kubectl decides), YAML otherwise.</summary>
internal static class ManifestFileParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<ParsedDocument> Parse(byte[] content, string repoPath, ManifestLimits limits)
    {
        var body = content.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
        }

        var firstNonSpace = body.IndexOfAnyExcept(" \t\r\n"u8);
        if (firstNonSpace >= 0 && body[firstNonSpace] == (byte)'{')
        {
            return JsonStreamReader.ReadAll(body.ToArray(), repoPath, limits);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new ManifestReadException("the file is not valid UTF-8");
        }

        return YamlDocumentReader.ReadAll(text, repoPath, limits);
    }
}
