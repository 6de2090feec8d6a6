package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * COOKIE ECHO (RFC 9260 §3.3.11): returns the state cookie of an INIT ACK, unchanged.
 *
 * <pre>
 *  type 10 | flags 0 | length
 *  cookie
 * </pre>
 *
 * @param cookie the state cookie (copied in and out)
 */
public record CookieEchoChunk(byte[] cookie) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 10;

  /**
   * @throws IllegalArgumentException if the cookie is too long for one chunk
   */
  public CookieEchoChunk {
    cookie = Objects.requireNonNull(cookie, "cookie").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) cookie.length, "COOKIE ECHO");
  }

  @Override
  public byte[] cookie() {
    return cookie.clone();
  }

  /** The cookie's length in bytes. */
  public int cookieLength() {
    return cookie.length;
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + cookie.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    Tlv.chunkHeader(out, TYPE, 0, length);
    out.bytes(cookie);
    Tlv.pad(out, length);
  }

  static CookieEchoChunk parseValue(ByteReader value) throws ParseException {
    return new CookieEchoChunk(value.bytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CookieEchoChunk other && Arrays.equals(cookie, other.cookie);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cookie);
  }

  @Override
  public String toString() {
    return "COOKIE-ECHO[" + Tlv.hex(cookie) + "]";
  }
}
