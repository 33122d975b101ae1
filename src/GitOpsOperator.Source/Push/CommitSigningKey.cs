using System.Text;
using GitOpsOperator.Source.Verification;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace GitOpsOperator.Source.Push;

/// <summary>An OpenPGP private key that signs release commits as <c>git commit -S</c> would (a detached, armored signature
/// in the commit's <c>gpgsig</c> header).</summary>
public sealed class CommitSigningKey
{
    private readonly PgpPrivateKey _privateKey;
    private readonly PublicKeyAlgorithmTag _algorithm;

    private CommitSigningKey(PgpPrivateKey privateKey, PgpPublicKey publicKey)
    {
        _privateKey = privateKey;
        _algorithm = publicKey.Algorithm;
        KeyId = publicKey.KeyId;
        Fingerprint = Convert.ToHexString(publicKey.GetFingerprint());
    }

    /// <summary>The id of the (sub)key that signs.</summary>
    public long KeyId { get; }

    /// <summary>The fingerprint of the (sub)key that signs, upper-case hex, as gpg prints it.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Reads an ASCII-armored private key without passphrase and picks its signing key (the first key flagged for
    /// signing, else the primary key); anything else is an <see cref="FailureReason.InvalidSpec"/> that never quotes the key.
    /// </summary>
    public static Result<CommitSigningKey> Parse(string armored)
    {
        ArgumentNullException.ThrowIfNull(armored);
        PgpSecretKey? secret;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
            var candidates = new PgpSecretKeyRingBundle(input).GetKeyRings()
                .SelectMany(ring => ring.GetSecretKeys())
                .Where(key => key.IsSigningKey)
                .ToList();
            secret = candidates.FirstOrDefault(key => SignsData(key.PublicKey)) ?? candidates.FirstOrDefault(key => key.IsMasterKey);
        }
        catch (Exception e) when (e is PgpException or IOException or ArgumentException)
        {
            return Invalid("the signing key is not an ASCII-armored OpenPGP private key");
        }

        if (secret is null)
        {
            return Invalid("the signing key holds no key that can sign");
        }

        try
        {
            return Result<CommitSigningKey>.Ok(new CommitSigningKey(secret.ExtractPrivateKey([]), secret.PublicKey));
        }
        catch (PgpException)
        {
            return Invalid($"the signing key {secret.KeyId:X16} is protected by a passphrase; export it without one");
        }
    }

    /// <summary>Whether a GitRepository verifying with <paramref name="keys"/> would accept commits this key signs.</summary>
    public bool IsTrustedBy(TrustedKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Find(KeyId) is not null;
    }

    /// <summary>The armored detached signature of <paramref name="payload"/>, without a trailing newline.</summary>
    internal string Sign(byte[] payload)
    {
        var generator = new PgpSignatureGenerator(_algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.BinaryDocument, _privateKey);
        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, DateTime.UtcNow);
        hashed.SetIssuerKeyID(false, KeyId);
        generator.SetHashedSubpackets(hashed.Generate());
        generator.Update(payload);
        var output = new MemoryStream();
        using (var armor = ArmoredOutputStream.Build().ClearHeaders().Build(output))
        {
            generator.Generate().Encode(armor);
        }

        return Encoding.ASCII.GetString(output.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
    }

    private static bool SignsData(PgpPublicKey key) =>
        key.GetSignatures().OfType<PgpSignature>().Any(signature =>
            signature.HasSubpackets && (signature.GetHashedSubPackets().GetKeyFlags() & PgpKeyFlags.CanSign) != 0);

    private static Result<CommitSigningKey> Invalid(string message) => Result<CommitSigningKey>.Fail(FailureReason.InvalidSpec, message);
}
