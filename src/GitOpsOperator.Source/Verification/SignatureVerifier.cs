using System.Text;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace GitOpsOperator.Source.Verification;

/// <summary>Checks an armored OpenPGP signature over the exact signed bytes of a commit.</summary>
internal static class SignatureVerifier
{
    /// <summary>Null when the signature is valid and made by a trusted key; otherwise why not.</summary>
    public static string? Check(string armoredSignature, byte[] signedData, TrustedKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var signatures = ReadSignatures(armoredSignature);
        if (signatures.Count == 0)
        {
            return "its signature is not an OpenPGP signature";
        }

        foreach (var signature in signatures)
        {
            var key = keys.Find(signature.KeyId);
            if (key is null)
            {
                continue;
            }

            signature.InitVerify(key);
            signature.Update(signedData);
            return signature.Verify() ? null : $"its signature by key {signature.KeyId:X16} does not match the commit";
        }

        return $"it is signed by key {signatures[0].KeyId:X16}, which is not among the trusted keys";
    }

    private static List<PgpSignature> ReadSignatures(string armored)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
            var factory = new PgpObjectFactory(input);
            var signatures = new List<PgpSignature>();
            for (var item = factory.NextPgpObject(); item is not null; item = factory.NextPgpObject())
            {
                if (item is PgpSignatureList list)
                {
                    signatures.AddRange(Enumerable.Range(0, list.Count).Select(i => list[i]));
                }
            }

            return signatures;
        }
        catch (Exception e) when (e is PgpException or IOException)
        {
            return [];
        }
    }
}
