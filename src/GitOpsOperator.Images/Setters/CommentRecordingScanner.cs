using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace GitOpsOperator.Images.Setters;

/// <summary>
/// Hands the parser every token but comments, and keeps the comments and scalar tokens with their exact spans.
/// The parser never sees a comment: YamlDotNet's parser refuses some valid YAML when comments reach it (an anchored
/// value followed by a comment), and the scalar token's span, unlike the parser event's, excludes anchor and tag.
/// </summary>
internal sealed class CommentRecordingScanner(IScanner inner) : IScanner
{
    private readonly List<Comment> comments = [];
    private readonly Dictionary<long, Scalar> scalarsByEnd = [];

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    /// <summary>The comments read so far, in order.</summary>
    public IReadOnlyList<Comment> Comments => comments;

    /// <summary>The scalar tokens read so far, by the character index where they end (where the parser's scalar events end).</summary>
    public IReadOnlyDictionary<long, Scalar> ScalarsByEnd => scalarsByEnd;

    public bool MoveNext()
    {
        if (!MoveNextWithoutConsuming())
        {
            return false;
        }

        ConsumeCurrent();
        return true;
    }

    public bool MoveNextWithoutConsuming()
    {
        while (inner.MoveNextWithoutConsuming())
        {
            switch (inner.Current)
            {
                case Comment comment:
                    comments.Add(comment);
                    inner.ConsumeCurrent();
                    continue;
                case Scalar scalar:
                    scalarsByEnd[scalar.End.Index] = scalar;
                    break;
            }

            return true;
        }

        return false;
    }

    public void ConsumeCurrent() => inner.ConsumeCurrent();
}
