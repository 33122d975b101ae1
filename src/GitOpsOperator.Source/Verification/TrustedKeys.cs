using Org.BouncyCastle.Bcpg.OpenPgp;

namespace GitOpsOperator.Source.Verification;

/// <summary>The OpenPGP public keys a commit may be signed by: every value of the verify Secret is one armored key.</summary>
public sealed class TrustedKeys
{
    private readonly IReadOnlyList<PgpPublicKeyRing> _rings;

    private TrustedKeys(IReadOnlyList<PgpPublicKeyRing> rings) => _rings = rings;

    public int Count => _rings.Count;

    /// <summary>Reads the keys; a value that is not an armored public key fails naming its Secret key.</summary>
    public static Result<TrustedKeys> FromSecretData(string secretName, IReadOnlyDictionary<string, byte[]> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rings = new List<PgpPublicKeyRing>();
        foreach (var (key, value) in data.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var parsed = Parse(value);
            if (parsed.Count == 0)
            {
                return Result<TrustedKeys>.Fail(
                    FailureReason.VerificationFailed,
                    $"Secret {secretName} key \"{key}\" is not an ASCII-armored OpenPGP public key");
            }

            rings.AddRange(parsed);
        }

        return rings.Count == 0
            ? Result<TrustedKeys>.Fail(FailureReason.VerificationFailed, $"Secret {secretName} holds no public key to verify with")
            : Result<TrustedKeys>.Ok(new TrustedKeys(rings));
    }

    /// <summary>The trusted key (primary or subkey) with this key id, if any.</summary>
    internal PgpPublicKey? Find(long keyId) =>
        _rings.Select(ring => ring.GetPublicKey(keyId)).FirstOrDefault(key => key is not null);

    private static List<PgpPublicKeyRing> Parse(byte[] armored)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(armored));
            return [.. new PgpPublicKeyRingBundle(input).GetKeyRings()];
        }
        catch (Exception e) when (e is PgpException or IOException or ArgumentException)
        {
            return [];
        }
    }
}
