namespace GitOpsOperator.Manifests;

/// <summary>Raised while reading one file; the renderer turns it into a <see cref="RenderError"/> for that file. A <see cref="FormatException"/>, so callers of <see cref="Yaml.YamlJson"/> can catch it.</summary>
internal sealed class ManifestReadException(string message, int? line = null, int? column = null) : FormatException(message)
{
    public int? Line { get; } = line;

    public int? Column { get; } = column;
}
