using System.Collections.Concurrent;

namespace GitOpsOperator.Images.Registry;

/// <summary>
/// Bearer tokens by (token service, scope, credentials), kept until shortly before they expire, so every request of a
/// scan (and every later scan) reuses one token instead of asking the token service again.
/// </summary>
internal sealed class TokenCache(TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Realm, string Service, string Scope, string Identity), (string Token, DateTimeOffset Expires)> tokens = new();

    public string? Get(string realm, string service, string scope, string identity) =>
        tokens.TryGetValue((realm, service, scope, identity), out var entry) && entry.Expires > time.GetUtcNow() ? entry.Token : null;

    public void Put(string realm, string service, string scope, string identity, string token, TimeSpan lifetime)
    {
        var usable = lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2;
        tokens[(realm, service, scope, identity)] = (token, time.GetUtcNow() + usable);
    }
}
