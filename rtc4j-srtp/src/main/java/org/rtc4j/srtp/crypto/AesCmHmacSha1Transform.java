package org.rtc4j.srtp.crypto;

/**
 * AES-128 in counter mode with HMAC-SHA1 (RFC 3711 §4.1.1, §4.2.1): the profiles
 * SRTP_AES128_CM_HMAC_SHA1_80 and _32 (RFC 5764 §4.1.2). SRTP's tag is 10 or 4 bytes; SRTCP's is 10
 * bytes in both profiles.
 */
final class AesCmHmacSha1Transform extends SrtpTransform {
  /** RFC 5764 §4.1.2: SRTCP keeps an 80-bit tag in both profiles. */
  private static final int RTCP_TAG_LENGTH = 10;

  private final AesCounter rtpCipher;
  private final long rtpSaltHead;
  private final long rtpSaltTail;
  private final HmacSha1 rtpMac;
  private final int rtpTagLength;
  private final AesCounter rtcpCipher;
  private final long rtcpSaltHead;
  private final long rtcpSaltTail;
  private final HmacSha1 rtcpMac;
  private final byte[] counter = new byte[16];
  private final byte[] mac = new byte[HmacSha1.LENGTH];
  private final byte[] rollover = new byte[4];

  AesCmHmacSha1Transform(
      byte[] rtpKey,
      byte[] rtpSalt,
      byte[] rtpAuthKey,
      int rtpTagLength,
      byte[] rtcpKey,
      byte[] rtcpSalt,
      byte[] rtcpAuthKey) {
    if (rtpSalt.length != 14 || rtcpSalt.length != 14) {
      throw new IllegalArgumentException("RFC 3711 §4.1.1: an AES-CM session salt is 14 bytes");
    }
    this.rtpCipher = new AesCounter(rtpKey);
    this.rtpSaltHead = (long) LONG.get(rtpSalt, 0);
    this.rtpSaltTail = saltTail(rtpSalt);
    this.rtpMac = new HmacSha1(rtpAuthKey);
    this.rtpTagLength = rtpTagLength;
    this.rtcpCipher = new AesCounter(rtcpKey);
    this.rtcpSaltHead = (long) LONG.get(rtcpSalt, 0);
    this.rtcpSaltTail = saltTail(rtcpSalt);
    this.rtcpMac = new HmacSha1(rtcpAuthKey);
  }

  @Override
  public int rtpOverhead() {
    return rtpTagLength;
  }

  @Override
  public int rtcpOverhead() {
    return RTCP_INDEX_LENGTH + RTCP_TAG_LENGTH;
  }

  @Override
  public int rtcpIndexPosition(int len) {
    return len - RTCP_TAG_LENGTH - RTCP_INDEX_LENGTH;
  }

  @Override
  public int protectRtp(byte[] p, int off, int headerLength, int len, long index) {
    setCounter(rtpSaltHead, rtpSaltTail, rtpSsrc(p, off), index);
    rtpCipher.xorKeystream(counter, p, off + headerLength, len - headerLength);
    // RFC 3711 §4.2: M = packet || ROC. The ROC goes where the tag will (a tag is 4 bytes or more),
    // so that M is hashed in one piece.
    INT.set(p, off + len, (int) (index >>> 16));
    rtpMac.update(p, off, len + 4);
    rtpMac.finish(mac, 0);
    System.arraycopy(mac, 0, p, off + len, rtpTagLength);
    return len + rtpTagLength;
  }

  @Override
  public int unprotectRtp(byte[] p, int off, int headerLength, int len, long index) {
    int n = len - rtpTagLength;
    rtpTag(p, off, n, index);
    if (!ConstantTime.equals(mac, 0, p, off + n, rtpTagLength)) {
      return -1;
    }
    setCounter(rtpSaltHead, rtpSaltTail, rtpSsrc(p, off), index);
    rtpCipher.xorKeystream(counter, p, off + headerLength, n - headerLength);
    return n;
  }

  @Override
  public int protectRtcp(byte[] p, int off, int len, int index) {
    setCounter(rtcpSaltHead, rtcpSaltTail, rtcpSsrc(p, off), index);
    rtcpCipher.xorKeystream(counter, p, off + RTCP_HEADER_LENGTH, len - RTCP_HEADER_LENGTH);
    INT.set(p, off + len, E_FLAG | index);
    int authenticated = len + RTCP_INDEX_LENGTH;
    rtcpMac.update(p, off, authenticated);
    rtcpMac.finish(mac, 0);
    System.arraycopy(mac, 0, p, off + authenticated, RTCP_TAG_LENGTH);
    return authenticated + RTCP_TAG_LENGTH;
  }

  @Override
  public int unprotectRtcp(byte[] p, int off, int len) {
    // RFC 3711 §3.4: header || (encrypted) rest || E || index || tag; the tag covers all before it.
    int authenticated = len - RTCP_TAG_LENGTH;
    rtcpMac.update(p, off, authenticated);
    rtcpMac.finish(mac, 0);
    if (!ConstantTime.equals(mac, 0, p, off + authenticated, RTCP_TAG_LENGTH)) {
      return -1;
    }
    int n = authenticated - RTCP_INDEX_LENGTH;
    int word = (int) INT.get(p, off + n);
    if ((word & E_FLAG) != 0) {
      setCounter(rtcpSaltHead, rtcpSaltTail, rtcpSsrc(p, off), word & ~E_FLAG);
      rtcpCipher.xorKeystream(counter, p, off + RTCP_HEADER_LENGTH, n - RTCP_HEADER_LENGTH);
    }
    return n;
  }

  /** RFC 3711 §4.2: M = authenticated portion || ROC; the MAC goes to {@link #mac}. */
  private void rtpTag(byte[] p, int off, int len, long index) {
    rtpMac.update(p, off, len);
    INT.set(rollover, 0, (int) (index >>> 16));
    rtpMac.update(rollover, 0, 4);
    rtpMac.finish(mac, 0);
  }

  /**
   * RFC 3711 §4.1.1: IV = (k_s · 2^16) XOR (SSRC · 2^64) XOR (i · 2^16), the salt in bytes 0–13,
   * the SSRC in bytes 4–7, the 48-bit index in bytes 8–13, and the block counter in bytes 14–15.
   * The salt's part is {@code saltHead} (bytes 0–7) and {@code saltTail} (bytes 8–13, then zeros).
   */
  private void setCounter(long saltHead, long saltTail, int ssrc, long index) {
    LONG.set(counter, 0, saltHead ^ (ssrc & 0xFFFFFFFFL));
    LONG.set(counter, 8, saltTail ^ (index << 16));
  }

  /** Bytes 8–13 of a 14-byte salt as the upper 48 bits of a long. */
  private static long saltTail(byte[] salt) {
    long tail = 0;
    for (int i = 8; i < 14; i++) {
      tail |= (long) (salt[i] & 0xFF) << (8 * (15 - i));
    }
    return tail;
  }
}
