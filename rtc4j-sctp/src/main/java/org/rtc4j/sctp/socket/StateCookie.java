package org.rtc4j.sctp.socket;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * The state cookie of RFC 9260 §5.1.3: what an endpoint answering an INIT needs to create the
 * association later, handed to the peer in the INIT-ACK and returned in the COOKIE-ECHO, so that an
 * INIT alone makes us hold no state. It is signed with HMAC-SHA256 under a key that never leaves
 * the association, and carries its creation time so that old cookies are refused (§5.1.5).
 *
 * @param createdAt when the INIT-ACK was made, nanoseconds on the association's clock
 * @param localTag the verification tag we chose (our INIT-ACK's initiate tag)
 * @param peerTag the peer's initiate tag, from its INIT
 * @param localInitialTsn our first TSN
 * @param peerInitialTsn the peer's first TSN
 * @param peerReceiverWindow the peer's advertised receiver window credit
 * @param peerOutboundStreams the streams the peer will send on
 * @param peerInboundStreams the streams the peer accepts
 * @param capabilities the extensions agreed
 */
public record StateCookie(
    long createdAt,
    int localTag,
    int peerTag,
    int localInitialTsn,
    int peerInitialTsn,
    long peerReceiverWindow,
    int peerOutboundStreams,
    int peerInboundStreams,
    Capabilities capabilities) {

  private static final int MAGIC = 0x72746334; // "rtc4"
  private static final int BODY = 4 + 8 + 4 * 5 + 2 + 2 + 1;
  private static final int MAC_LENGTH = 32;

  /** The length of a sealed cookie. */
  public static final int LENGTH = BODY + MAC_LENGTH;

  /** The cookie's bytes: the fields, then their HMAC-SHA256 under {@code key}. */
  public byte[] seal(byte[] key) {
    ByteWriter w = ByteWriter.growable(LENGTH, LENGTH);
    w.u32(MAGIC & 0xFFFF_FFFFL)
        .u64(createdAt)
        .u32(localTag & 0xFFFF_FFFFL)
        .u32(peerTag & 0xFFFF_FFFFL)
        .u32(localInitialTsn & 0xFFFF_FFFFL)
        .u32(peerInitialTsn & 0xFFFF_FFFFL)
        .u32(peerReceiverWindow)
        .u16(peerOutboundStreams)
        .u16(peerInboundStreams)
        .u8(capabilities.toBits());
    w.bytes(mac(key, w.array(), w.arrayOffset(), BODY));
    return w.toByteArray();
  }

  /**
   * Opens a cookie the peer echoed.
   *
   * @throws ParseException if it is not one of ours: wrong length or a signature that does not
   *     match (forged or damaged)
   */
  public static StateCookie open(byte[] cookie, byte[] key) throws ParseException {
    if (cookie.length != LENGTH) {
      throw new ParseException("state cookie of " + cookie.length + " bytes", 0);
    }
    byte[] expected = mac(key, cookie, 0, BODY);
    byte[] actual = Arrays.copyOfRange(cookie, BODY, LENGTH);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new ParseException("state cookie signature does not match", BODY);
    }
    ByteReader r = new ByteReader(cookie, 0, BODY);
    if (r.i32() != MAGIC) {
      throw new ParseException("not a state cookie", 0);
    }
    return new StateCookie(
        r.i64(),
        r.i32(),
        r.i32(),
        r.i32(),
        r.i32(),
        r.u32(),
        r.u16(),
        r.u16(),
        Capabilities.fromBits(r.u8()));
  }

  private static byte[] mac(byte[] key, byte[] data, int off, int len) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(data, off, len);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
