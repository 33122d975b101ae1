namespace GitOpsOperator.Images.Setters;

/// <summary>How markers are checked and which are left alone.</summary>
public sealed record MarkerOptions
{
    /// <summary>The automation's namespace; with <see cref="NoCrossNamespaceRefs"/>, markers may name policies only there.</summary>
    public string? Namespace { get; init; }

    /// <summary>--no-cross-namespace-refs: a marker naming a policy in another namespace is a <see cref="MarkerError"/>.</summary>
    public bool NoCrossNamespaceRefs { get; init; }

    /// <summary>Markers for which this returns true keep their value (a hold the automation decided on).</summary>
    public Func<MarkerValue, bool>? Hold { get; init; }
}
