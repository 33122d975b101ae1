using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Cli.Diff;

/// <summary>
/// A local checkout rendered: each object with the body the operator would apply, and the scrubber that masks the values
/// a chart read from Secrets wherever they would be shown (it masks nothing for a path that is not a chart).
/// </summary>
public sealed record LocalRendering(IReadOnlyList<(RenderedObject Rendered, JsonObject Body)> Objects, SecretScrubber Secrets);
