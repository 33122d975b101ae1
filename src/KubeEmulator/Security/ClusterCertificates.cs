using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeEmulator.Security;

/// <summary>
/// The certificates of an emulator started with --tls: a CA it creates, a serving certificate for 127.0.0.1 and
/// localhost, and an admin client certificate (CN=kubernetes-admin, O=system:masters), all signed by that CA.
/// </summary>
internal sealed class ClusterCertificates : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly X509Certificate2 authority;

    private ClusterCertificates(X509Certificate2 authority, X509Certificate2 serving, X509Certificate2 admin)
    {
        this.authority = authority;
        Serving = serving;
        Admin = admin;
        AuthorityPem = authority.ExportCertificatePem();
    }

    /// <summary>The CA certificate in PEM, as a kubeconfig's certificate-authority-data carries it (base64 of this).</summary>
    public string AuthorityPem { get; }

    /// <summary>The CA certificate, for clients that must trust the server.</summary>
    public X509Certificate2 Authority => authority;

    /// <summary>The server's certificate, with its private key.</summary>
    public X509Certificate2 Serving { get; }

    /// <summary>The admin client certificate (CN=kubernetes-admin, O=system:masters), with its private key.</summary>
    public X509Certificate2 Admin { get; }

    public static ClusterCertificates Create()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-emulator-ca", authorityKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var authority = request.CreateSelfSigned(now, now + Lifetime);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        var serving = Issue(authority, "CN=kube-emulator", ServerAuth, names, now);
        var admin = Issue(authority, "CN=kubernetes-admin, O=system:masters", ClientAuth, null, now);
        return new ClusterCertificates(authority, serving, admin);
    }

    /// <summary>Whether a client certificate was issued by this CA for client authentication, and is valid now.</summary>
    public bool Issued(X509Certificate2 client)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuth);
        return chain.Build(client);
    }

    /// <summary>PEM of a certificate's private key (PKCS#8), as a kubeconfig's client-key-data carries it.</summary>
    public static string PrivateKeyPem(X509Certificate2 certificate) =>
        certificate.GetECDsaPrivateKey()?.ExportPkcs8PrivateKeyPem() ?? throw new InvalidOperationException("the certificate has no private key");

    public void Dispose()
    {
        authority.Dispose();
        Serving.Dispose();
        Admin.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject, Oid usage, SubjectAlternativeNameBuilder? names, DateTimeOffset notBefore)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names.Build());
        }

        using var signed = request.Create(authority, notBefore, notBefore + Lifetime, SerialNumber());
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>A random positive serial number: Go refuses certificates whose serial number is negative.</summary>
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }
}
