package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A ServerHello body (RFC 5246 §7.4.1.3; the same in DTLS 1.2, RFC 6347 §4.3.2).
 *
 * <pre>
 * struct {
 *   ProtocolVersion server_version;
 *   Random random;                                   // 32 bytes
 *   SessionID session_id;                            // opaque &lt;0..32&gt;
 *   CipherSuite cipher_suite;
 *   CompressionMethod compression_method;
 *   select (extensions_present) {
 *     case false: struct {};
 *     case true: Extension extensions&lt;0..2^16-1&gt;;
 *   };
 * } ServerHello;
 * </pre>
 *
 * <p>An absent extension block and an empty one both parse to an empty list, and an empty list
 * encodes as an absent block.
 *
 * @param version server_version, 0xFEFD for DTLS 1.2
 * @param random the 32-byte random (copied)
 * @param sessionId the session id, up to 32 bytes (copied)
 * @param cipherSuite the chosen suite's code point
 * @param compressionMethod the chosen compression method, 0 for none
 * @param extensions the extensions, each type at most once
 */
public record ServerHello(
    int version,
    byte[] random,
    byte[] sessionId,
    int cipherSuite,
    int compressionMethod,
    List<Extension> extensions) {
  /**
   * @throws IllegalArgumentException if a field breaks the grammar above
   */
  public ServerHello {
    Vectors.checkU16(version, "server_version");
    random = Vectors.copy(random, ClientHello.RANDOM_LENGTH, ClientHello.RANDOM_LENGTH, "random");
    sessionId = Vectors.copy(sessionId, 0, ClientHello.MAX_SESSION_ID_LENGTH, "session_id");
    Vectors.checkU16(cipherSuite, "cipher_suite");
    Vectors.checkU8(compressionMethod, "compression_method");
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

  /** The extension of {@code type}, or {@code null} if the hello has none. */
  public Extension extension(int type) {
    return Extensions.find(extensions, type);
  }

  /**
   * Parses a ServerHello body (without the handshake header).
   *
   * @throws ParseException if it breaks the grammar above or has bytes after its end
   */
  public static ServerHello parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "ServerHello");
    int version = r.u16();
    byte[] random = r.bytes(ClientHello.RANDOM_LENGTH);
    byte[] sessionId = Vectors.opaque8(r, 0, ClientHello.MAX_SESSION_ID_LENGTH, "session_id");
    int cipherSuite = r.u16();
    int compressionMethod = r.u8();
    // RFC 5246 §7.4.1.3: as in the ClientHello, the extensions may be absent.
    List<Extension> extensions = r.hasRemaining() ? Extensions.parseList(r) : List.of();
    Vectors.end(r, "ServerHello");
    return new ServerHello(version, random, sessionId, cipherSuite, compressionMethod, extensions);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    ByteWriter w = ByteWriter.growable(128, Vectors.MAX_U24);
    w.u16(version).bytes(random);
    Vectors.write(w, 1, sessionId);
    w.u16(cipherSuite).u8(compressionMethod);
    if (!extensions.isEmpty()) {
      Extensions.writeList(w, extensions);
    }
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerHello other
        && version == other.version
        && Arrays.equals(random, other.random)
        && Arrays.equals(sessionId, other.sessionId)
        && cipherSuite == other.cipherSuite
        && compressionMethod == other.compressionMethod
        && extensions.equals(other.extensions);
  }

  @Override
  public int hashCode() {
    int h = version;
    h = 31 * h + Arrays.hashCode(random);
    h = 31 * h + Arrays.hashCode(sessionId);
    h = 31 * h + cipherSuite;
    h = 31 * h + compressionMethod;
    return 31 * h + extensions.hashCode();
  }

  @Override
  public String toString() {
    return "ServerHello[version "
        + String.format("%04x", version)
        + ", random "
        + Vectors.hex(random)
        + ", session_id "
        + Vectors.hex(sessionId)
        + ", cipher_suite "
        + String.format("%04x", cipherSuite)
        + ", compression_method "
        + compressionMethod
        + ", extensions "
        + extensions
        + "]";
  }
}
