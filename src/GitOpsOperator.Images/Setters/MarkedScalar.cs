using YamlDotNet.Core;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// A scalar a valid marker points at: the marker's 1-based line, the scalar's character span in the text (quotes
/// included; anchor and tag excluded), its style, its value, and whether it carries an explicit tag.
/// </summary>
internal sealed record MarkedScalar(int Line, PolicyMarker Marker, int Start, int End, ScalarStyle Style, string Value, bool Tagged);

/// <summary>A marker that points at nothing we can replace, or a file that cannot be read: 1-based line and why.</summary>
internal sealed record LocatedError(int Line, string Message);
