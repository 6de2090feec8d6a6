package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * An ECDHE ClientKeyExchange body (RFC 8422 §5.7): the client's ephemeral public key, always
 * explicit.
 *
 * <pre>
 * struct {
 *   opaque point&lt;1..2^8-1&gt;;    // ClientECDiffieHellmanPublic ecdh_Yc
 * } ClientKeyExchange;
 * </pre>
 *
 * @param publicKey the encoded point, 1 to 255 bytes (copied)
 */
public record ClientKeyExchange(byte[] publicKey) {
  /**
   * @throws IllegalArgumentException if the point is empty or longer than 255 bytes
   */
  public ClientKeyExchange {
    publicKey = Vectors.copy(publicKey, 1, Vectors.MAX_U8, "point");
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * Parses an ECDHE ClientKeyExchange body (without the handshake header).
   *
   * @throws ParseException if the point is empty or truncated, or bytes follow it
   */
  public static ClientKeyExchange parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "ClientKeyExchange");
    byte[] point = Vectors.opaque8(r, 1, Vectors.MAX_U8, "point");
    Vectors.end(r, "ClientKeyExchange");
    return new ClientKeyExchange(point);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    ByteWriter w = ByteWriter.growable(1 + publicKey.length, 1 + publicKey.length);
    Vectors.write(w, 1, publicKey);
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientKeyExchange other && Arrays.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "ClientKeyExchange[" + Vectors.hex(publicKey) + "]";
  }
}
