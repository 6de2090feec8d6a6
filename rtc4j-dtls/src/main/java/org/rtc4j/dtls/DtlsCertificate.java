package org.rtc4j.dtls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.crypto.RandomSourceSecureRandom;
import org.rtc4j.dtls.x509.SignatureAlgorithm;
import org.rtc4j.dtls.x509.TbsCertificate;

/**
 * A DTLS endpoint's identity: a private key and its certificate chain, leaf first. WebRTC peers use
 * self-signed certificates and authenticate them by the fingerprint in SDP (RFC 8122 §5, RFC 8827
 * §6.5); {@link #selfSigned} makes one.
 *
 * <p>Immutable. The private key never appears in {@link #toString()}.
 */
public final class DtlsCertificate {
  /** The key pairs {@link #selfSigned} can generate. */
  public enum KeyType {
    /** ECDSA on P-256 (secp256r1), signed with ecdsa-with-SHA256: what browsers generate. */
    ECDSA_P256,
    /** RSA with a 2048-bit modulus and exponent 65537, signed with sha256WithRSAEncryption. */
    RSA_2048
  }

  /** The common name of {@link #selfSigned(Instant, RandomSource)}. */
  public static final String DEFAULT_COMMON_NAME = "rtc4j";

  /** How long before "now" {@link #selfSigned(Instant, RandomSource)} starts validity. */
  public static final Duration DEFAULT_BACKDATE = Duration.ofDays(1);

  /** How long after "now" {@link #selfSigned(Instant, RandomSource)} ends validity. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

  /** Random octets in a generated serial number (RFC 5280 §4.1.2.2 allows up to 20). */
  static final int SERIAL_OCTETS = 16;

  /** What {@link #of} signs to check that a key and a certificate belong together. */
  private static final byte[] PROBE =
      "rtc4j: does this key match the certificate?".getBytes(StandardCharsets.US_ASCII);

  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final List<byte[]> encodedChain;

  private DtlsCertificate(
      PrivateKey privateKey, List<X509Certificate> chain, List<byte[]> encodedChain) {
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
    this.encodedChain = List.copyOf(encodedChain);
  }

  /**
   * Generates a key pair and a self-signed X.509 v3 certificate for it, valid from {@code
   * notBefore} to {@code notAfter} (kept to whole seconds). No clock is read: the caller passes the
   * times.
   *
   * <p>All randomness comes from {@code random}: the serial number (16 random octets, drawn first,
   * so a seeded source always gives the same one), the key pair and the signature.
   *
   * @param commonName the subject's and issuer's CN, 1 to 64 characters
   * @throws IllegalArgumentException if the common name or the times are out of range
   */
  public static DtlsCertificate selfSigned(
      KeyType type, String commonName, Instant notBefore, Instant notAfter, RandomSource random) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(commonName, "commonName");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(random, "random");
    BigInteger serial = serialNumber(random);
    SecureRandom secure = new RandomSourceSecureRandom(random);
    SignatureAlgorithm algorithm;
    AlgorithmParameterSpec spec;
    switch (type) {
      case ECDSA_P256 -> {
        algorithm = SignatureAlgorithm.ECDSA_WITH_SHA256;
        spec = new ECGenParameterSpec("secp256r1");
      }
      case RSA_2048 -> {
        algorithm = SignatureAlgorithm.SHA256_WITH_RSA_ENCRYPTION;
        spec = new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4);
      }
      default -> throw new IllegalArgumentException("unknown key type " + type);
    }
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
      generator.initialize(spec, secure);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate " + type + " keys", e);
    }
    TbsCertificate tbs =
        new TbsCertificate(
            serial, algorithm, commonName, notBefore, notAfter, pair.getPublic().getEncoded());
    byte[] der;
    try {
      der = tbs.sign(pair.getPrivate(), secure);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot sign with " + algorithm.jcaName(), e);
    }
    X509Certificate certificate;
    try {
      certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK cannot parse the certificate rtc4j built", e);
    }
    return new DtlsCertificate(pair.getPrivate(), List.of(certificate), List.of(der));
  }

  /**
   * A self-signed ECDSA P-256 certificate with CN {@value #DEFAULT_COMMON_NAME}, valid from a day
   * before {@code now} to 30 days after it, as browsers make theirs.
   */
  public static DtlsCertificate selfSigned(Instant now, RandomSource random) {
    Objects.requireNonNull(now, "now");
    return selfSigned(
        KeyType.ECDSA_P256,
        DEFAULT_COMMON_NAME,
        now.minus(DEFAULT_BACKDATE),
        now.plus(DEFAULT_LIFETIME),
        random);
  }

  /**
   * Wraps an existing private key and its certificate chain, leaf first.
   *
   * <p>It checks that the key is an EC or RSA key and that it belongs to the leaf's public key, by
   * signing a fixed message with it and verifying that with the leaf's key. (For ECDSA, the
   * signature's randomness is the platform's own; the signature is thrown away.) It does not check
   * the chain's signatures or validity dates.
   *
   * @throws IllegalArgumentException if the chain is empty, the key is neither EC nor RSA, or the
   *     key does not match the leaf
   */
  public static DtlsCertificate of(PrivateKey key, List<X509Certificate> chain) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(chain, "chain");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain is empty");
    }
    List<X509Certificate> certificates = List.copyOf(chain); // also rejects null elements
    String algorithm = key.getAlgorithm();
    String probe;
    if ("EC".equals(algorithm)) {
      probe = SignatureAlgorithm.ECDSA_WITH_SHA256.jcaName();
    } else if ("RSA".equals(algorithm)) {
      probe = SignatureAlgorithm.SHA256_WITH_RSA_ENCRYPTION.jcaName();
    } else {
      throw new IllegalArgumentException("the key must be EC or RSA, not " + algorithm);
    }
    PublicKey leafKey = certificates.get(0).getPublicKey();
    if (!algorithm.equals(leafKey.getAlgorithm())) {
      throw new IllegalArgumentException(
          "the key is " + algorithm + " but the certificate's is " + leafKey.getAlgorithm());
    }
    byte[] signature;
    try {
      Signature signer = Signature.getInstance(probe);
      signer.initSign(key);
      signer.update(PROBE);
      signature = signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with the key: " + e.getMessage(), e);
    }
    boolean matches;
    try {
      Signature verifier = Signature.getInstance(probe);
      verifier.initVerify(leafKey);
      verifier.update(PROBE);
      matches = verifier.verify(signature);
    } catch (SignatureException e) {
      // A signature that cannot even be read under the leaf's key (RSA of another size).
      matches = false;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot verify with the certificate's key: " + e.getMessage(), e);
    }
    if (!matches) {
      throw new IllegalArgumentException(
          "the private key does not match the public key of the certificate "
              + certificates.get(0).getSubjectX500Principal());
    }
    List<byte[]> encoded = new ArrayList<>(certificates.size());
    for (X509Certificate certificate : certificates) {
      try {
        encoded.add(certificate.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("cannot encode " + certificate, e);
      }
    }
    return new DtlsCertificate(key, certificates, encoded);
  }

  /** The private key. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The leaf certificate's public key. */
  public PublicKey publicKey() {
    return chain.get(0).getPublicKey();
  }

  /** The leaf certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The certificate chain, leaf first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /**
   * The DER encodings of the chain, leaf first, as the Certificate message carries them (RFC 5246
   * §7.4.2). Fresh copies on every call.
   */
  public List<byte[]> encodedChain() {
    List<byte[]> copies = new ArrayList<>(encodedChain.size());
    for (byte[] der : encodedChain) {
      copies.add(der.clone());
    }
    return copies;
  }

  /** Whether the key is an EC key (signing with ECDSA); otherwise it is an RSA key. */
  public boolean ecdsa() {
    return "EC".equals(privateKey.getAlgorithm());
  }

  /**
   * The leaf certificate's fingerprint with the given hash function, e.g. {@code "sha-256"}.
   *
   * @throws IllegalArgumentException for a hash function {@link CertificateFingerprint} does not
   *     know
   */
  public CertificateFingerprint fingerprint(String algorithm) {
    return CertificateFingerprint.of(algorithm, encodedChain.get(0));
  }

  /** The leaf certificate's SHA-256 fingerprint, which every browser uses. */
  public CertificateFingerprint fingerprint() {
    return fingerprint("sha-256");
  }

  /**
   * The chain in PEM (RFC 7468 §5: {@code CERTIFICATE} blocks, leaf first, 64 characters a line);
   * for a self-signed certificate, the one block.
   */
  public String toPem() {
    StringBuilder out = new StringBuilder();
    for (byte[] der : encodedChain) {
      out.append(pem("CERTIFICATE", der));
    }
    return out.toString();
  }

  /**
   * The private key in PEM as an unencrypted PKCS#8 {@code PRIVATE KEY} (RFC 7468 §10), as OpenSSL
   * reads it; for interop tests.
   *
   * @throws IllegalStateException if the key cannot be exported (a hardware key)
   */
  public String privateKeyPem() {
    byte[] pkcs8 = privateKey.getEncoded();
    if (pkcs8 == null || !"PKCS#8".equals(privateKey.getFormat())) {
      throw new IllegalStateException(
          "the private key cannot be exported as PKCS#8 (format " + privateKey.getFormat() + ")");
    }
    return pem("PRIVATE KEY", pkcs8);
  }

  /** Says the key type, the leaf's subject and its SHA-256 fingerprint; never the key. */
  @Override
  public String toString() {
    return "DtlsCertificate["
        + (ecdsa() ? "ECDSA" : "RSA")
        + ", "
        + certificate().getSubjectX500Principal().getName()
        + ", "
        + fingerprint()
        + "]";
  }

  /** RFC 7468 §2: the label lines around base64 in lines of 64 characters. */
  private static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /**
   * A positive serial number of exactly {@value #SERIAL_OCTETS} octets (RFC 5280 §4.1.2.2): random
   * octets with the top bit cleared, so DER needs no leading zero, and the next bit set, so it is
   * never zero nor shorter.
   */
  private static BigInteger serialNumber(RandomSource random) {
    byte[] octets = new byte[SERIAL_OCTETS];
    random.nextBytes(octets);
    octets[0] = (byte) ((octets[0] & 0x3F) | 0x40);
    return new BigInteger(1, octets);
  }
}
