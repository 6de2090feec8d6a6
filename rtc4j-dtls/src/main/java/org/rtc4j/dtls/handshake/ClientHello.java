package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A DTLS ClientHello body (RFC 6347 §4.2.1, §4.3.2; RFC 5246 §7.4.1.2): the TLS ClientHello with
 * the cookie after the session id.
 *
 * <pre>
 * struct {
 *   ProtocolVersion client_version;
 *   Random random;                                   // 32 bytes
 *   SessionID session_id;                            // opaque &lt;0..32&gt;
 *   opaque cookie&lt;0..2^8-1&gt;;
 *   CipherSuite cipher_suites&lt;2..2^16-2&gt;;
 *   CompressionMethod compression_methods&lt;1..2^8-1&gt;;
 *   select (extensions_present) {
 *     case false: struct {};
 *     case true: Extension extensions&lt;0..2^16-1&gt;;
 *   };
 * } ClientHello;
 * </pre>
 *
 * <p>An absent extension block and an empty one both parse to an empty list, and an empty list
 * encodes as an absent block; so the handshake transcript must hash a received hello's bytes as
 * they came, never a re-encoding.
 *
 * @param version client_version, e.g. 0xFEFD for DTLS 1.2
 * @param random the 32-byte random (copied)
 * @param sessionId the session id, up to 32 bytes (copied)
 * @param cookie the cookie from a HelloVerifyRequest, up to 255 bytes, empty at first (copied)
 * @param cipherSuites the offered suites' code points, most preferred first, at least one (copied)
 * @param compressionMethods the offered compression methods, at least one (copied)
 * @param extensions the extensions, each type at most once
 */
public record ClientHello(
    int version,
    byte[] random,
    byte[] sessionId,
    byte[] cookie,
    int[] cipherSuites,
    byte[] compressionMethods,
    List<Extension> extensions) {
  /** Bytes of a hello's random (RFC 5246 §7.4.1.2). */
  public static final int RANDOM_LENGTH = 32;

  /** The longest session id (RFC 5246 §7.4.1.2). */
  public static final int MAX_SESSION_ID_LENGTH = 32;

  /** The longest cookie in DTLS 1.2 (RFC 6347 §4.2.1). */
  public static final int MAX_COOKIE_LENGTH = 255;

  /**
   * @throws IllegalArgumentException if a field breaks the grammar above
   */
  public ClientHello {
    Vectors.checkU16(version, "client_version");
    random = Vectors.copy(random, RANDOM_LENGTH, RANDOM_LENGTH, "random");
    sessionId = Vectors.copy(sessionId, 0, MAX_SESSION_ID_LENGTH, "session_id");
    cookie = Vectors.copy(cookie, 0, MAX_COOKIE_LENGTH, "cookie");
    cipherSuites = Vectors.copyU16s(cipherSuites, 1, (Vectors.MAX_U16 - 1) / 2, "cipher_suites");
    compressionMethods = Vectors.copy(compressionMethods, 1, Vectors.MAX_U8, "compression_methods");
    extensions = Extensions.copyList(extensions);
  }

  @Override
  public byte[] random() {
    return random.clone();
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  @Override
  public byte[] cookie() {
    return cookie.clone();
  }

  @Override
  public int[] cipherSuites() {
    return cipherSuites.clone();
  }

  @Override
  public byte[] compressionMethods() {
    return compressionMethods.clone();
  }

  /** This hello with {@code cookie} in place of its cookie (RFC 6347 §4.2.1). */
  public ClientHello withCookie(byte[] cookie) {
    return new ClientHello(
        version, random, sessionId, cookie, cipherSuites, compressionMethods, extensions);
  }

  /** The extension of {@code type}, or {@code null} if the hello has none. */
  public Extension extension(int type) {
    return Extensions.find(extensions, type);
  }

  /** Whether the hello offers the cipher suite with this code point. */
  public boolean offersCipherSuite(int suite) {
    for (int s : cipherSuites) {
      if (s == suite) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses a ClientHello body (without the handshake header).
   *
   * @throws ParseException if it breaks the grammar above or has bytes after its end
   */
  public static ClientHello parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "ClientHello");
    int version = r.u16();
    byte[] random = r.bytes(RANDOM_LENGTH);
    byte[] sessionId = Vectors.opaque8(r, 0, MAX_SESSION_ID_LENGTH, "session_id");
    byte[] cookie = Vectors.opaque8(r, 0, MAX_COOKIE_LENGTH, "cookie");
    int[] cipherSuites = Vectors.u16List(r, 2, 2, Vectors.MAX_U16 - 1, "cipher_suites");
    byte[] compressionMethods = Vectors.opaque8(r, 1, Vectors.MAX_U8, "compression_methods");
    // RFC 5246 §7.4.1.2: the extensions may be absent, "the presence of extensions can be
    // detected by determining whether there are bytes following the compression_methods".
    List<Extension> extensions = r.hasRemaining() ? Extensions.parseList(r) : List.of();
    Vectors.end(r, "ClientHello");
    return new ClientHello(
        version, random, sessionId, cookie, cipherSuites, compressionMethods, extensions);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    ByteWriter w = ByteWriter.growable(256, Vectors.MAX_U24);
    w.u16(version).bytes(random);
    Vectors.write(w, 1, sessionId);
    Vectors.write(w, 1, cookie);
    Vectors.writeU16List(w, 2, cipherSuites);
    Vectors.write(w, 1, compressionMethods);
    if (!extensions.isEmpty()) {
      Extensions.writeList(w, extensions);
    }
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientHello other
        && version == other.version
        && Arrays.equals(random, other.random)
        && Arrays.equals(sessionId, other.sessionId)
        && Arrays.equals(cookie, other.cookie)
        && Arrays.equals(cipherSuites, other.cipherSuites)
        && Arrays.equals(compressionMethods, other.compressionMethods)
        && extensions.equals(other.extensions);
  }

  @Override
  public int hashCode() {
    int h = version;
    h = 31 * h + Arrays.hashCode(random);
    h = 31 * h + Arrays.hashCode(sessionId);
    h = 31 * h + Arrays.hashCode(cookie);
    h = 31 * h + Arrays.hashCode(cipherSuites);
    h = 31 * h + Arrays.hashCode(compressionMethods);
    return 31 * h + Objects.hashCode(extensions);
  }

  @Override
  public String toString() {
    return "ClientHello[version "
        + String.format("%04x", version)
        + ", random "
        + Vectors.hex(random)
        + ", session_id "
        + Vectors.hex(sessionId)
        + ", cookie "
        + Vectors.hex(cookie)
        + ", cipher_suites "
        + Vectors.hex(cipherSuites)
        + ", compression_methods "
        + Vectors.hex(compressionMethods)
        + ", extensions "
        + extensions
        + "]";
  }
}
