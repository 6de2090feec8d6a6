package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * An ECDHE ServerKeyExchange body (RFC 8422 §5.4, with TLS 1.2's digitally-signed, RFC 5246 §4.7):
 * the server's ephemeral public key on a named curve, signed with its certificate's key.
 *
 * <pre>
 * struct {
 *   ECCurveType curve_type;           // 3, named_curve
 *   NamedCurve namedcurve;            // u16
 *   opaque point&lt;1..2^8-1&gt;;         // ECPoint public
 *   SignatureAndHashAlgorithm algorithm;
 *   opaque signature&lt;0..2^16-1&gt;;
 * } ServerKeyExchange;
 * </pre>
 *
 * The signature covers client_random + server_random + {@link #params()}.
 *
 * @param namedGroup the group's code point (see {@link org.rtc4j.dtls.NamedGroup})
 * @param publicKey the encoded point (uncompressed X9.62, or 32 bytes for X25519) (copied)
 * @param signatureScheme the signature's SignatureAndHashAlgorithm as a u16, e.g. 0x0403
 * @param signature the signature (copied)
 */
public record ServerKeyExchange(
    int namedGroup, byte[] publicKey, int signatureScheme, byte[] signature) {
  /** ECCurveType named_curve (RFC 8422 §5.4), the only one RFC 8422 allows. */
  public static final int NAMED_CURVE = 3;

  /**
   * @throws IllegalArgumentException if a field breaks the grammar above
   */
  public ServerKeyExchange {
    Vectors.checkU16(namedGroup, "namedcurve");
    publicKey = Vectors.copy(publicKey, 1, Vectors.MAX_U8, "point");
    Vectors.checkU16(signatureScheme, "algorithm");
    signature = Vectors.copy(signature, 0, Vectors.MAX_U16, "signature");
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The ServerECDHParams, which are signed after the two randoms. */
  public byte[] params() {
    return params(namedGroup, publicKey);
  }

  /**
   * The ServerECDHParams for a group and a point: curve_type 3, the group, and the point with its
   * u8 length.
   *
   * @throws IllegalArgumentException if the group does not fit 16 bits or the point is empty or
   *     longer than 255 bytes
   */
  public static byte[] params(int namedGroup, byte[] publicKey) {
    Vectors.checkU16(namedGroup, "namedcurve");
    byte[] point = Vectors.copy(publicKey, 1, Vectors.MAX_U8, "point");
    ByteWriter w = ByteWriter.growable(4 + point.length, 4 + point.length);
    w.u8(NAMED_CURVE).u16(namedGroup);
    Vectors.write(w, 1, point);
    return w.toByteArray();
  }

  /**
   * Parses an ECDHE ServerKeyExchange body (without the handshake header).
   *
   * @throws ParseException if the curve type is not named_curve, a field is truncated or out of
   *     bounds, or bytes follow the signature
   */
  public static ServerKeyExchange parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "ServerKeyExchange");
    int curveType = r.u8();
    if (curveType != NAMED_CURVE) {
      // RFC 8422 §5.4: explicit_prime (1) and explicit_char2 (2) are deprecated and unused.
      throw new ParseException("ServerKeyExchange: curve_type " + curveType + ", not 3", 0);
    }
    int namedGroup = r.u16();
    byte[] publicKey = Vectors.opaque8(r, 1, Vectors.MAX_U8, "point");
    int signatureScheme = r.u16();
    byte[] signature = Vectors.opaque16(r, 0, Vectors.MAX_U16, "signature");
    Vectors.end(r, "ServerKeyExchange");
    return new ServerKeyExchange(namedGroup, publicKey, signatureScheme, signature);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    int length = 4 + publicKey.length + 4 + signature.length;
    ByteWriter w = ByteWriter.growable(length, length);
    w.bytes(params()).u16(signatureScheme);
    Vectors.write(w, 2, signature);
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerKeyExchange other
        && namedGroup == other.namedGroup
        && Arrays.equals(publicKey, other.publicKey)
        && signatureScheme == other.signatureScheme
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    int h = namedGroup;
    h = 31 * h + Arrays.hashCode(publicKey);
    h = 31 * h + signatureScheme;
    return 31 * h + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "ServerKeyExchange[group "
        + String.format("%04x", namedGroup)
        + ", public "
        + Vectors.hex(publicKey)
        + ", scheme "
        + String.format("%04x", signatureScheme)
        + ", signature "
        + Vectors.hex(signature)
        + "]";
  }
}
