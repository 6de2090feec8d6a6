package org.rtc4j.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as SDP carries it in {@code a=fingerprint} (RFC 8122 §5): a hash
 * function's name and the hash of the DER certificate, e.g. {@code sha-256 AB:CD:...}.
 *
 * <p>The hash functions are those of the IANA "Hash Function Textual Names" registry that are fit
 * for use: {@code sha-1}, {@code sha-224}, {@code sha-256}, {@code sha-384} and {@code sha-512}.
 * MD2 and MD5, also registered, are refused. Immutable.
 */
public final class CertificateFingerprint {
  /** Parse errors quote at most this much of the input. */
  private static final int QUOTE_LIMIT = 120;

  private final String algorithm;
  private final byte[] value;

  private CertificateFingerprint(String algorithm, byte[] value) {
    this.algorithm = algorithm;
    this.value = value;
  }

  /**
   * The fingerprint of a certificate.
   *
   * @param algorithm a hash function's textual name, in any case (RFC 8122 §5: {@code hash-func})
   * @param derCertificate the certificate's DER encoding
   * @throws IllegalArgumentException if the hash function is not one of those above
   */
  public static CertificateFingerprint of(String algorithm, byte[] derCertificate) {
    Objects.requireNonNull(derCertificate, "derCertificate");
    String name = canonicalName(algorithm);
    return new CertificateFingerprint(name, digest(name).digest(derCertificate));
  }

  /**
   * Parses the value of an {@code a=fingerprint} attribute (RFC 8122 §5): the hash function's name,
   * one space, and the hash as two-digit hex numbers separated by colons. The grammar asks for
   * upper-case hex; lower case is accepted too. Leading and trailing white space is ignored.
   *
   * @throws IllegalArgumentException naming what is wrong, if the value is malformed, the hash
   *     function unknown, or the hash not as long as the function's output
   */
  public static CertificateFingerprint parse(String sdpValue) {
    Objects.requireNonNull(sdpValue, "sdpValue");
    String text = sdpValue.strip();
    int space = text.indexOf(' ');
    if (space <= 0) {
      throw new IllegalArgumentException(
          "fingerprint "
              + quote(sdpValue)
              + " is not \"<hash function> <hex pairs>\", e.g. \"sha-256 AB:CD:...\"");
    }
    String name = canonicalName(text.substring(0, space));
    String hex = text.substring(space + 1);
    int expected = digestLength(name);
    // RFC 8122 §5: fingerprint = 2UHEX *(":" 2UHEX)
    if (hex.length() != 3 * expected - 1) {
      throw new IllegalArgumentException(
          "a "
              + name
              + " fingerprint is "
              + expected
              + " hex pairs separated by colons ("
              + (3 * expected - 1)
              + " characters), not "
              + hex.length()
              + " characters: "
              + quote(sdpValue));
    }
    byte[] value = new byte[expected];
    for (int i = 0; i < expected; i++) {
      int at = 3 * i;
      if (!isAsciiHex(hex.charAt(at)) || !isAsciiHex(hex.charAt(at + 1))) {
        throw new IllegalArgumentException(
            "fingerprint has \""
                + hex.substring(at, at + 2)
                + "\" where a hex pair belongs (pair "
                + (i + 1)
                + "): "
                + quote(sdpValue));
      }
      if (i + 1 < expected && hex.charAt(at + 2) != ':') {
        throw new IllegalArgumentException(
            "fingerprint has '"
                + hex.charAt(at + 2)
                + "' where a colon belongs, after pair "
                + (i + 1)
                + ": "
                + quote(sdpValue));
      }
      int high = Character.digit(hex.charAt(at), 16);
      int low = Character.digit(hex.charAt(at + 1), 16);
      value[i] = (byte) ((high << 4) | low);
    }
    return new CertificateFingerprint(name, value);
  }

  /** The hash function's name, in lower case, e.g. {@code "sha-256"}. */
  public String algorithm() {
    return algorithm;
  }

  /** A copy of the hash value. */
  public byte[] value() {
    return value.clone();
  }

  /**
   * Whether {@code derCertificate} hashes to this fingerprint; the comparison takes the same time
   * wherever the hashes differ.
   */
  public boolean matches(byte[] derCertificate) {
    Objects.requireNonNull(derCertificate, "derCertificate");
    return MessageDigest.isEqual(value, digest(algorithm).digest(derCertificate));
  }

  /**
   * The attribute value as browsers write it: the lower-case hash function name, a space, and
   * upper-case hex pairs separated by colons (RFC 8122 §5).
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(algorithm.length() + 1 + 3 * value.length);
    out.append(algorithm).append(' ');
    for (int i = 0; i < value.length; i++) {
      if (i > 0) {
        out.append(':');
      }
      out.append(Character.toUpperCase(Character.forDigit((value[i] >> 4) & 0xF, 16)));
      out.append(Character.toUpperCase(Character.forDigit(value[i] & 0xF, 16)));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateFingerprint f
        && algorithm.equals(f.algorithm)
        && Arrays.equals(value, f.value);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(value);
  }

  /** The lower-case registry name for {@code algorithm}, or an exception naming the known ones. */
  private static String canonicalName(String algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    String name = algorithm.toLowerCase(Locale.ROOT);
    switch (name) {
      case "sha-1", "sha-224", "sha-256", "sha-384", "sha-512":
        return name;
      default:
        throw new IllegalArgumentException(
            "unknown fingerprint hash function "
                + quote(algorithm)
                + "; known: sha-1, sha-224, sha-256, sha-384, sha-512");
    }
  }

  private static int digestLength(String name) {
    return switch (name) {
      case "sha-1" -> 20;
      case "sha-224" -> 28;
      case "sha-256" -> 32;
      case "sha-384" -> 48;
      case "sha-512" -> 64;
      default -> throw new IllegalArgumentException("unknown hash function " + name);
    };
  }

  private static MessageDigest digest(String name) {
    try {
      // The registry's names, upper-cased, are the JCA standard names: SHA-1 ... SHA-512.
      return MessageDigest.getInstance(name.toUpperCase(Locale.ROOT));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-1 and SHA-256; the others are in every JDK.
      throw new IllegalStateException("no " + name + " in this JDK", e);
    }
  }

  private static boolean isAsciiHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String quote(String text) {
    String shown = text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
    return "\"" + shown + "\"";
  }
}
