namespace GitOpsOperator.Source.Tests.Servers;

/// <summary>One request the smart HTTP server answered: where, how, and how many body bytes it sent.</summary>
public sealed record ServedRequest(string Route, string Method, string Path, int Status, long BytesSent);
