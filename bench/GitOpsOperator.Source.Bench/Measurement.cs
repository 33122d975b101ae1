namespace GitOpsOperator.Source.Bench;

/// <summary>One row of the table: what ran, how long it took, and what crossed the wire.</summary>
public sealed record Measurement(string Operation, string Tool, TimeSpan Time, int Requests, long BytesServed, string ClientReport);
