package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A HelloVerifyRequest body (RFC 6347 §4.2.1): the cookie a client must echo in its second
 * ClientHello.
 *
 * <pre>
 * struct {
 *   ProtocolVersion server_version;
 *   opaque cookie&lt;0..2^8-1&gt;;
 * } HelloVerifyRequest;
 * </pre>
 *
 * @param version server_version; RFC 6347 §4.2.1 has DTLS 1.2 servers send 0xFEFF (DTLS 1.0)
 * @param cookie the cookie, up to 255 bytes (copied)
 */
public record HelloVerifyRequest(int version, byte[] cookie) {
  /**
   * @throws IllegalArgumentException if the version does not fit 16 bits or the cookie is longer
   *     than 255 bytes
   */
  public HelloVerifyRequest {
    Vectors.checkU16(version, "server_version");
    cookie = Vectors.copy(cookie, 0, ClientHello.MAX_COOKIE_LENGTH, "cookie");
  }

  @Override
  public byte[] cookie() {
    return cookie.clone();
  }

  /**
   * Parses a HelloVerifyRequest body (without the handshake header).
   *
   * @throws ParseException if it is truncated or has bytes after the cookie
   */
  public static HelloVerifyRequest parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "HelloVerifyRequest");
    int version = r.u16();
    byte[] cookie = Vectors.opaque8(r, 0, ClientHello.MAX_COOKIE_LENGTH, "cookie");
    Vectors.end(r, "HelloVerifyRequest");
    return new HelloVerifyRequest(version, cookie);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    ByteWriter w = ByteWriter.growable(3 + cookie.length, 3 + cookie.length);
    w.u16(version);
    Vectors.write(w, 1, cookie);
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HelloVerifyRequest other
        && version == other.version
        && Arrays.equals(cookie, other.cookie);
  }

  @Override
  public int hashCode() {
    return 31 * version + Arrays.hashCode(cookie);
  }

  @Override
  public String toString() {
    return "HelloVerifyRequest[version "
        + String.format("%04x", version)
        + ", cookie "
        + Vectors.hex(cookie)
        + "]";
  }
}
