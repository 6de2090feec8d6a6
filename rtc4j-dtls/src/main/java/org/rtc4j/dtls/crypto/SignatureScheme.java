package org.rtc4j.dtls.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Objects;

/**
 * The TLS 1.2 SignatureAndHashAlgorithm pairs rtc4j signs and verifies with, as their 16-bit code
 * points (RFC 5246 §7.4.1.4.1: hash in the high byte, signature in the low; RFC 8446 §4.2.3 for the
 * RSASSA-PSS ones, which TLS 1.2 may use too). They sign the ServerKeyExchange parameters and the
 * CertificateVerify's handshake messages.
 *
 * <p>In TLS 1.2 an ECDSA scheme does not bind the curve: the name's curve is TLS 1.3's, and a P-384
 * key may sign with {@link #ECDSA_SECP256R1_SHA256}. Only the hash counts.
 */
public enum SignatureScheme {
  /** 0x0403: ECDSA with SHA-256 (sha256, ecdsa). */
  ECDSA_SECP256R1_SHA256(0x0403, "SHA256withECDSA", "SHA-256", 32),
  /** 0x0503: ECDSA with SHA-384 (sha384, ecdsa). */
  ECDSA_SECP384R1_SHA384(0x0503, "SHA384withECDSA", "SHA-384", 48),
  /** 0x0603: ECDSA with SHA-512 (sha512, ecdsa). */
  ECDSA_SECP521R1_SHA512(0x0603, "SHA512withECDSA", "SHA-512", 64),
  /** 0x0804: RSASSA-PSS with SHA-256 and an rsaEncryption key (RFC 8446 §4.2.3). */
  RSA_PSS_RSAE_SHA256(0x0804, "RSASSA-PSS", "SHA-256", 32),
  /** 0x0805: RSASSA-PSS with SHA-384 and an rsaEncryption key. */
  RSA_PSS_RSAE_SHA384(0x0805, "RSASSA-PSS", "SHA-384", 48),
  /** 0x0806: RSASSA-PSS with SHA-512 and an rsaEncryption key. */
  RSA_PSS_RSAE_SHA512(0x0806, "RSASSA-PSS", "SHA-512", 64),
  /** 0x0401: RSASSA-PKCS1-v1_5 with SHA-256 (sha256, rsa). */
  RSA_PKCS1_SHA256(0x0401, "SHA256withRSA", "SHA-256", 32),
  /** 0x0501: RSASSA-PKCS1-v1_5 with SHA-384 (sha384, rsa). */
  RSA_PKCS1_SHA384(0x0501, "SHA384withRSA", "SHA-384", 48),
  /** 0x0601: RSASSA-PKCS1-v1_5 with SHA-512 (sha512, rsa). */
  RSA_PKCS1_SHA512(0x0601, "SHA512withRSA", "SHA-512", 64);

  /**
   * The order rtc4j prefers when it picks the scheme to sign with: SHA-256 first, which every peer
   * verifies; for RSA, PKCS #1 v1.5 before PSS at each hash, as browsers accept both.
   */
  private static final List<SignatureScheme> PREFERENCE =
      List.of(
          ECDSA_SECP256R1_SHA256,
          ECDSA_SECP384R1_SHA384,
          ECDSA_SECP521R1_SHA512,
          RSA_PKCS1_SHA256,
          RSA_PSS_RSAE_SHA256,
          RSA_PKCS1_SHA384,
          RSA_PSS_RSAE_SHA384,
          RSA_PKCS1_SHA512,
          RSA_PSS_RSAE_SHA512);

  private final int id;
  private final String signatureAlgorithm;
  private final String hashAlgorithm;
  private final int hashLength;

  SignatureScheme(int id, String signatureAlgorithm, String hashAlgorithm, int hashLength) {
    this.id = id;
    this.signatureAlgorithm = signatureAlgorithm;
    this.hashAlgorithm = hashAlgorithm;
    this.hashLength = hashLength;
  }

  /** The scheme's code point on the wire: the hash byte then the signature byte. */
  public int id() {
    return id;
  }

  /** Whether this is an ECDSA scheme; otherwise RSA. */
  public boolean ecdsa() {
    // RFC 5246 §7.4.1.4.1: SignatureAlgorithm ecdsa(3) in the low byte.
    return !isPss() && (id & 0xFF) == 0x03;
  }

  /** The JCA name of the scheme's hash, e.g. {@code SHA-256}. */
  public String hashAlgorithm() {
    return hashAlgorithm;
  }

  /** The scheme with this code point, or {@code null} for one rtc4j does not speak. */
  public static SignatureScheme fromId(int id) {
    for (SignatureScheme s : values()) {
      if (s.id == id) {
        return s;
      }
    }
    return null;
  }

  /**
   * The signature_algorithms rtc4j offers (RFC 5246 §7.4.1.4.1), most preferred first: ECDSA, then
   * RSASSA-PSS, then RSASSA-PKCS1-v1_5, each with SHA-256, SHA-384 and SHA-512. A fresh array.
   */
  public static int[] defaultOffer() {
    return new int[] {0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601};
  }

  /**
   * The scheme to sign with {@code key}: the first in rtc4j's preference (ECDSA with SHA-256 first
   * for an EC key; for RSA, PKCS #1 v1.5 before PSS) that the peer offered and the key can make.
   *
   * <p>A peer that sent no signature_algorithms extension means, by RFC 5246 §7.4.1.4.1, SHA-1 with
   * the key's algorithm. rtc4j does not sign with SHA-1; it answers such a peer with the SHA-256
   * scheme for the key all the same, since every WebRTC peer sends the extension and one that does
   * not will be a TLS 1.2 stack that verifies SHA-256 anyway.
   *
   * @param peerOffered the code points of the peer's signature_algorithms, or {@code null} or empty
   *     if it sent none
   * @return the scheme, or {@code null} if none fits
   */
  public static SignatureScheme choose(List<Integer> peerOffered, PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (peerOffered == null || peerOffered.isEmpty()) {
      SignatureScheme fallback = isEc(key) ? ECDSA_SECP256R1_SHA256 : RSA_PKCS1_SHA256;
      return fallback.supports(key) ? fallback : null;
    }
    for (SignatureScheme s : PREFERENCE) {
      if (peerOffered.contains(s.id) && s.supports(key)) {
        return s;
      }
    }
    return null;
  }

  /** Whether {@code key} can verify this scheme's signatures. */
  public boolean supports(PublicKey key) {
    return fits(key);
  }

  /** Whether {@code key} can make this scheme's signatures. */
  public boolean supports(PrivateKey key) {
    return fits(key);
  }

  /**
   * Signs {@code data}: an ECDSA signature as the DER {@code Ecdsa-Sig-Value} TLS carries (RFC 8422
   * §5.4), or an RSA one as big as the modulus; PSS with MGF1 over the same hash and a salt as long
   * as the hash (RFC 8446 §4.2.3).
   *
   * @throws IllegalArgumentException if {@code key} cannot make this scheme's signatures
   */
  public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
    if (!supports(key)) {
      throw new IllegalArgumentException(
          this + " cannot sign with a " + key.getAlgorithm() + " key");
    }
    try {
      Signature signature = signature();
      signature.initSign(key, random);
      signature.update(data);
      return signature.sign();
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException(this + " cannot sign with this key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + this, e);
    }
  }

  /**
   * Whether {@code signature} is this scheme's valid signature of {@code data} under {@code key}.
   * False, never an exception, for a signature that is malformed, wrong, or from a key of the wrong
   * kind.
   */
  public boolean verify(PublicKey key, byte[] data, byte[] signature) {
    if (key == null || data == null || signature == null || !supports(key)) {
      return false;
    }
    try {
      Signature verifier = signature();
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | ProviderException | IllegalArgumentException e) {
      // SignatureException for malformed DER or a wrong-sized RSA signature; InvalidKeyException
      // for a key the provider cannot use. The peer's signature or certificate is bad either way.
      return false;
    }
  }

  private Signature signature() throws GeneralSecurityException {
    Signature signature = Signature.getInstance(signatureAlgorithm);
    if (isPss()) {
      // RFC 8446 §4.2.3: MGF1 with the same hash, and a salt as long as the hash.
      signature.setParameter(
          new PSSParameterSpec(
              hashAlgorithm,
              "MGF1",
              new MGF1ParameterSpec(hashAlgorithm),
              hashLength,
              PSSParameterSpec.TRAILER_FIELD_BC));
    }
    return signature;
  }

  /** RFC 8446 §4.2.3: the RSASSA-PSS code points are 0x08xx. */
  private boolean isPss() {
    return id >>> 8 == 0x08;
  }

  private boolean fits(Key key) {
    if (key == null) {
      return false;
    }
    if (ecdsa()) {
      return isEc(key);
    }
    if (!"RSA".equals(key.getAlgorithm())) {
      // An RSASSA-PSS key (id-RSASSA-PSS) goes with the rsa_pss_pss schemes, which rtc4j lacks.
      return false;
    }
    if (isPss() && key instanceof RSAKey rsa) {
      // RFC 8017 §9.1.1: PSS needs emLen >= hLen + sLen + 2, where emLen = ceil((modBits - 1) / 8).
      int encodedLength = (rsa.getModulus().bitLength() - 1 + 7) / 8;
      return encodedLength >= 2 * hashLength + 2;
    }
    return true;
  }

  private static boolean isEc(Key key) {
    return "EC".equals(key.getAlgorithm());
  }
}
