namespace KubeEmulator.Patching;

public sealed record ApplyRequest(string Manager, bool Force, IListKeyResolver Keys, DateTimeOffset Now, string ApiVersion, string? Subresource = null);
