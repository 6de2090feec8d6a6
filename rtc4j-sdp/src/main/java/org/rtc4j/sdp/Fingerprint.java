package org.rtc4j.sdp;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code a=fingerprint} (RFC 8122 §5, RFC 8842 §5): the hash of the certificate the writer will
 * present in the DTLS handshake, which the peer checks the certificate against.
 *
 * @param hashFunction the hash function as written: {@code sha-256}, {@code sha-1}... (a token; RFC
 *     8122 §5 compares it case-insensitively)
 * @param hex the hash as written: pairs of hex digits separated by colons ({@code AB:CD:...}); RFC
 *     8122 §5 asks for upper case, lower case is accepted
 */
public record Fingerprint(String hashFunction, String hex) implements TypedAttribute {
  /** The attribute name, {@code fingerprint}. */
  public static final String NAME = "fingerprint";

  /**
   * @throws IllegalArgumentException if the hash function is not a token or the hash not colon
   *     separated pairs of hex digits
   */
  public Fingerprint {
    Syntax.requireToken(hashFunction, "hash function");
    Syntax.require(
        isColonHex(hex), "fingerprint must be hex pairs joined by colons: " + Syntax.quote(hex));
  }

  /** The fingerprint of a certificate whose {@code hashFunction} digest is {@code digest}. */
  public static Fingerprint of(String hashFunction, byte[] digest) {
    return new Fingerprint(
        hashFunction, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
  }

  /**
   * Parses the value of {@code a=fingerprint}.
   *
   * @throws SdpParseException if it is not a hash function and a colon-separated hex hash
   */
  public static Fingerprint parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    String hashFunction = cursor.require("hash function");
    String hex = cursor.require("fingerprint");
    cursor.end("fingerprint");
    return Syntax.build(() -> new Fingerprint(hashFunction, hex));
  }

  /** The hash's bytes. */
  public byte[] bytes() {
    return HexFormat.ofDelimiter(":").parseHex(hex);
  }

  /**
   * Whether this is the fingerprint {@code hashFunction} gives {@code digest}: the hash function
   * compared without regard to case, the bytes exactly.
   */
  public boolean matches(String hashFunction, byte[] digest) {
    return this.hashFunction.toLowerCase(Locale.ROOT).equals(hashFunction.toLowerCase(Locale.ROOT))
        && MessageDigest.isEqual(bytes(), digest);
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return hashFunction + ' ' + hex;
  }

  /** RFC 8122 §5: fingerprint = 2UHEX *(":" 2UHEX), case aside. */
  private static boolean isColonHex(String s) {
    if (s == null || s.length() % 3 != 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
