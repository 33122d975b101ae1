namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>Why an automation cannot run: a reason of API.md and a message naming what to fix; Stalled when only a spec change helps.</summary>
public sealed record SpecProblem(string Reason, string Message, bool Stalled);
