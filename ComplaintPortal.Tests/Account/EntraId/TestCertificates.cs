using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>Self-signed certificates made in the test run: the local authority's TLS certificate and an app credential.</summary>
public static class TestCertificates
{
    public static X509Certificate2 Create(string subject, bool serverAuthentication)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        if (serverAuthentication)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        }

        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Through PKCS#12, so the private key is usable by TLS and signing on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Writes the certificate with its private key as a PFX file, as an operator would deploy it.</summary>
    public static void WritePfx(X509Certificate2 certificate, string path, string password)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
