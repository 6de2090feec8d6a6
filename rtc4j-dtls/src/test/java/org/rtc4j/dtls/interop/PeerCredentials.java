package org.rtc4j.dtls.interop;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private key and its self-signed certificate, as WebRTC endpoints use (RFC 8827 §6.5: the
 * fingerprint in the SDP authenticates it, not a CA), for interop tests: ECDSA P-256 or RSA 2048,
 * built with Bouncy Castle's certificate builder over JDK keys.
 */
public record PeerCredentials(PrivateKey privateKey, X509Certificate certificate) {
  /** Validates the fields. */
  public PeerCredentials {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** A fresh ECDSA P-256 key with a self-signed certificate (SHA256withECDSA). */
  public static PeerCredentials ecdsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return selfSigned(g.generateKeyPair(), "SHA256withECDSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh RSA 2048 key with a self-signed certificate (SHA256withRSA). */
  public static PeerCredentials rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return selfSigned(g.generateKeyPair(), "SHA256withRSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the key is an elliptic-curve (ECDSA) key; otherwise RSA. */
  public boolean isEcdsa() {
    return privateKey instanceof ECKey;
  }

  /** The certificate's DER encoding. */
  public byte[] certificateDer() {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate as PEM ({@code CERTIFICATE}), for OpenSSL's {@code -cert}. */
  public String certificatePem() {
    return pem("CERTIFICATE", certificateDer());
  }

  /** The private key as PKCS#8 PEM ({@code PRIVATE KEY}), for OpenSSL's {@code -key}. */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", privateKey.getEncoded());
  }

  private static PeerCredentials selfSigned(KeyPair keys, String signatureAlgorithm)
      throws GeneralSecurityException {
    X500Name name = new X500Name("CN=rtc4j-interop");
    Instant now = Instant.now();
    SecureRandom random = new SecureRandom();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, random).add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(30))),
            name,
            keys.getPublic());
    try {
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()));
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
      return new PeerCredentials(keys.getPrivate(), certificate);
    } catch (OperatorCreationException | java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
