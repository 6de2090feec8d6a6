package org.rtc4j.dtls.x509;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * The to-be-signed part of a self-signed X.509 v3 certificate (RFC 5280 §4.1): issuer and subject
 * are the same name, a single common name, and there are no extensions (a WebRTC peer authenticates
 * the certificate by its fingerprint, RFC 8122 §5, and browsers ask for none).
 *
 * <p>Times are kept to whole seconds, as a certificate carries them (RFC 5280 §4.1.2.5).
 */
public final class TbsCertificate {
  /** RFC 5280 §4.1.2.2: a serial number is at most 20 octets. */
  public static final int MAX_SERIAL_OCTETS = 20;

  /** RFC 5280 Appendix A.1: ub-common-name. */
  public static final int MAX_COMMON_NAME = 64;

  /** id-at-commonName (RFC 5280 Appendix A.1; X.520). */
  static final String COMMON_NAME_OID = "2.5.4.3";

  /** RFC 5280 §4.1.2.1: the INTEGER 2 in the version field means v3. */
  private static final int VERSION_3 = 2;

  private final BigInteger serialNumber;
  private final SignatureAlgorithm signature;
  private final String commonName;
  private final Instant notBefore;
  private final Instant notAfter;
  private final byte[] subjectPublicKeyInfo;

  /**
   * @param serialNumber positive, at most {@value #MAX_SERIAL_OCTETS} octets in DER
   * @param signature the algorithm the issuer signs with
   * @param commonName the subject's and issuer's CN: 1 to {@value #MAX_COMMON_NAME} characters
   * @param notBefore the start of the validity period; fractions of a second are dropped
   * @param notAfter the end of the validity period, not before {@code notBefore}
   * @param subjectPublicKeyInfo the DER SubjectPublicKeyInfo, as {@code PublicKey.getEncoded()}
   *     returns it
   * @throws IllegalArgumentException if any of these is out of its range
   */
  public TbsCertificate(
      BigInteger serialNumber,
      SignatureAlgorithm signature,
      String commonName,
      Instant notBefore,
      Instant notAfter,
      byte[] subjectPublicKeyInfo) {
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(commonName, "commonName");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo");
    // RFC 5280 §4.1.2.2: a positive integer of no more than 20 octets.
    if (serialNumber.signum() <= 0) {
      throw new IllegalArgumentException("serial number must be positive: " + serialNumber);
    }
    if (serialNumber.toByteArray().length > MAX_SERIAL_OCTETS) {
      throw new IllegalArgumentException(
          "serial number longer than " + MAX_SERIAL_OCTETS + " octets: " + serialNumber);
    }
    int characters = commonName.codePointCount(0, commonName.length());
    if (characters < 1 || characters > MAX_COMMON_NAME) {
      throw new IllegalArgumentException(
          "common name must have 1 to " + MAX_COMMON_NAME + " characters: \"" + commonName + "\"");
    }
    Instant start = notBefore.truncatedTo(ChronoUnit.SECONDS);
    Instant end = notAfter.truncatedTo(ChronoUnit.SECONDS);
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("notAfter " + end + " is before notBefore " + start);
    }
    byte[] spki = subjectPublicKeyInfo.clone();
    checkSubjectPublicKeyInfo(spki);
    // Fail here, not when encoding, on a time no Time can carry or a lone surrogate in the name.
    Der.time(start);
    Der.time(end);
    Der.utf8String(commonName);
    this.serialNumber = serialNumber;
    this.signature = signature;
    this.commonName = commonName;
    this.notBefore = start;
    this.notAfter = end;
    this.subjectPublicKeyInfo = spki;
  }

  /** The serial number. */
  public BigInteger serialNumber() {
    return serialNumber;
  }

  /** The signature algorithm. */
  public SignatureAlgorithm signature() {
    return signature;
  }

  /** The common name of subject and issuer. */
  public String commonName() {
    return commonName;
  }

  /** The start of the validity period, in whole seconds. */
  public Instant notBefore() {
    return notBefore;
  }

  /** The end of the validity period, in whole seconds. */
  public Instant notAfter() {
    return notAfter;
  }

  /** A copy of the DER SubjectPublicKeyInfo. */
  public byte[] subjectPublicKeyInfo() {
    return subjectPublicKeyInfo.clone();
  }

  /**
   * The DER TBSCertificate (RFC 5280 §4.1):
   *
   * <pre>
   * TBSCertificate ::= SEQUENCE {
   *   version         [0] EXPLICIT Version DEFAULT v1,
   *   serialNumber         CertificateSerialNumber,
   *   signature            AlgorithmIdentifier,
   *   issuer               Name,
   *   validity             Validity,
   *   subject              Name,
   *   subjectPublicKeyInfo SubjectPublicKeyInfo,
   *   ... }  -- no unique identifiers, no extensions
   * </pre>
   */
  public byte[] encoded() {
    byte[] name = name(commonName);
    return Der.sequence(
        Der.explicit(0, Der.integer(VERSION_3)),
        Der.integer(serialNumber),
        signature.algorithmIdentifier(),
        name,
        // RFC 5280 §4.1.2.5: Validity ::= SEQUENCE { notBefore Time, notAfter Time }
        Der.sequence(Der.time(notBefore), Der.time(notAfter)),
        name,
        subjectPublicKeyInfo);
  }

  /**
   * Signs this with {@code key} and returns the DER Certificate (RFC 5280 §4.1): {@code SEQUENCE {
   * tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }}, where signatureAlgorithm
   * repeats this one's {@code signature} (RFC 5280 §4.1.1.2).
   *
   * @param key the private key of the subject's public key (the certificate is self-signed)
   * @param random the randomness the signature uses (ECDSA's per-signature secret)
   * @throws GeneralSecurityException if JCA cannot sign with this key and algorithm
   */
  public byte[] sign(PrivateKey key, SecureRandom random) throws GeneralSecurityException {
    byte[] tbs = encoded();
    Signature signer = Signature.getInstance(signature.jcaName());
    signer.initSign(key, random);
    signer.update(tbs);
    byte[] value = signer.sign();
    return Der.sequence(tbs, signature.algorithmIdentifier(), Der.bitString(value));
  }

  /**
   * A Name of one RDN holding the common name (RFC 5280 §4.1.2.4): {@code SEQUENCE OF SET OF
   * SEQUENCE { type, value }}. The value is a UTF8String, which §4.1.2.6 allows for any
   * DirectoryString.
   */
  static byte[] name(String commonName) {
    byte[] attribute =
        Der.sequence(Der.objectIdentifier(COMMON_NAME_OID), Der.utf8String(commonName));
    return Der.sequence(Der.set(attribute));
  }

  /** Checks the bytes are one DER SEQUENCE with nothing after it, as a SubjectPublicKeyInfo is. */
  private static void checkSubjectPublicKeyInfo(byte[] spki) {
    if (spki.length < 2 || (spki[0] & 0xFF) != Der.TAG_SEQUENCE) {
      throw new IllegalArgumentException("SubjectPublicKeyInfo is not a DER SEQUENCE");
    }
    int first = spki[1] & 0xFF;
    long length;
    int header;
    if (first < 0x80) {
      length = first;
      header = 2;
    } else {
      int octets = first & 0x7F;
      if (octets == 0 || octets > 3 || spki.length < 2 + octets) {
        throw new IllegalArgumentException("SubjectPublicKeyInfo has a bad length");
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (spki[2 + i] & 0xFF);
      }
      header = 2 + octets;
    }
    if (header + length != spki.length) {
      throw new IllegalArgumentException(
          "SubjectPublicKeyInfo says "
              + length
              + " content bytes but "
              + (spki.length - header)
              + " follow");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TbsCertificate t
        && serialNumber.equals(t.serialNumber)
        && signature == t.signature
        && commonName.equals(t.commonName)
        && notBefore.equals(t.notBefore)
        && notAfter.equals(t.notAfter)
        && Arrays.equals(subjectPublicKeyInfo, t.subjectPublicKeyInfo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serialNumber, signature, commonName, notBefore, notAfter)
        + 31 * Arrays.hashCode(subjectPublicKeyInfo);
  }

  @Override
  public String toString() {
    return "TbsCertificate[serial "
        + serialNumber.toString(16)
        + ", "
        + signature
        + ", CN="
        + commonName
        + ", "
        + notBefore
        + " to "
        + notAfter
        + "]";
  }
}
