namespace GitOpsOperator.Controllers;

/// <summary>
/// One stretch of leading, shared by the controllers of its scope. <see cref="Lost"/> is cancelled when the Lease is
/// lost: another replica may already be reconciling, so in-flight work is dropped at once rather than given the grace
/// period a stopping process gives it.
/// </summary>
public sealed class LeadershipTerm
{
    public CancellationToken Lost { get; private set; }

    internal void Begin(CancellationToken lost) => Lost = lost;
}
