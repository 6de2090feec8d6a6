package org.rtc4j.srtp.crypto;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM for SRTP and SRTCP (RFC 7714): a 12-byte salt, a 16-byte
 * tag, the IVs of §8.1 and §9.1, and the SRTCP layout of §9: header || ciphertext || tag || E ||
 * index, with the header and the E-and-index word as AAD.
 */
final class AesGcmTransform extends SrtpTransform {
  private final AesGcm rtp;
  private final byte[] rtpSalt;
  private final AesGcm rtcp;
  private final byte[] rtcpSalt;
  private final byte[] iv = new byte[12];
  private final byte[] trailer = new byte[RTCP_INDEX_LENGTH];

  AesGcmTransform(byte[] rtpKey, byte[] rtpSalt, byte[] rtcpKey, byte[] rtcpSalt) {
    if (rtpSalt.length != 12 || rtcpSalt.length != 12) {
      throw new IllegalArgumentException("RFC 7714 §11: a GCM session salt is 12 bytes");
    }
    this.rtp = new AesGcm(rtpKey);
    this.rtpSalt = rtpSalt.clone();
    this.rtcp = new AesGcm(rtcpKey);
    this.rtcpSalt = rtcpSalt.clone();
  }

  @Override
  public int rtpOverhead() {
    return AesGcm.TAG_LENGTH;
  }

  @Override
  public int rtcpOverhead() {
    return AesGcm.TAG_LENGTH + RTCP_INDEX_LENGTH;
  }

  @Override
  public int rtcpIndexPosition(int len) {
    return len - RTCP_INDEX_LENGTH;
  }

  @Override
  public int protectRtp(byte[] p, int off, int headerLength, int len, long index) {
    rtp.start(rtpIv(rtpSsrc(p, off), index), 0);
    rtp.aad(p, off, headerLength);
    rtp.crypt(p, off + headerLength, len - headerLength);
    rtp.ciphertext(p, off + headerLength, len - headerLength);
    rtp.tag(p, off + len);
    return len + AesGcm.TAG_LENGTH;
  }

  @Override
  public int unprotectRtp(byte[] p, int off, int headerLength, int len, long index) {
    int n = len - AesGcm.TAG_LENGTH;
    rtp.start(rtpIv(rtpSsrc(p, off), index), 0);
    rtp.aad(p, off, headerLength);
    rtp.ciphertext(p, off + headerLength, n - headerLength);
    if (!rtp.verify(p, off + n)) {
      return -1;
    }
    rtp.crypt(p, off + headerLength, n - headerLength);
    return n;
  }

  @Override
  public int protectRtcp(byte[] p, int off, int len, int index) {
    int word = E_FLAG | index;
    INT.set(trailer, 0, word);
    rtcp.start(rtcpIv(rtcpSsrc(p, off), index), 0);
    // RFC 7714 §9.3: AAD = the first 8 octets || E flag and SRTCP index.
    rtcp.aad(p, off, RTCP_HEADER_LENGTH);
    rtcp.aad(trailer, 0, RTCP_INDEX_LENGTH);
    rtcp.crypt(p, off + RTCP_HEADER_LENGTH, len - RTCP_HEADER_LENGTH);
    rtcp.ciphertext(p, off + RTCP_HEADER_LENGTH, len - RTCP_HEADER_LENGTH);
    rtcp.tag(p, off + len);
    INT.set(p, off + len + AesGcm.TAG_LENGTH, word);
    return len + AesGcm.TAG_LENGTH + RTCP_INDEX_LENGTH;
  }

  @Override
  public int unprotectRtcp(byte[] p, int off, int len) {
    int n = len - AesGcm.TAG_LENGTH - RTCP_INDEX_LENGTH;
    int trailerAt = off + len - RTCP_INDEX_LENGTH;
    int word = (int) INT.get(p, trailerAt);
    boolean encrypted = (word & E_FLAG) != 0;
    rtcp.start(rtcpIv(rtcpSsrc(p, off), word & ~E_FLAG), 0);
    if (encrypted) {
      rtcp.aad(p, off, RTCP_HEADER_LENGTH);
      rtcp.aad(p, trailerAt, RTCP_INDEX_LENGTH);
      rtcp.ciphertext(p, off + RTCP_HEADER_LENGTH, n - RTCP_HEADER_LENGTH);
    } else {
      // RFC 7714 §9.2 (E = 0): the whole packet and the E-and-index word are AAD, nothing is
      // encrypted.
      rtcp.aad(p, off, n);
      rtcp.aad(p, trailerAt, RTCP_INDEX_LENGTH);
    }
    if (!rtcp.verify(p, off + n)) {
      return -1;
    }
    if (encrypted) {
      rtcp.crypt(p, off + RTCP_HEADER_LENGTH, n - RTCP_HEADER_LENGTH);
    }
    return n;
  }

  /** RFC 7714 §8.1: IV = (00 00 || SSRC || ROC || SEQ) XOR salt; ROC || SEQ is the 48-bit index. */
  private byte[] rtpIv(int ssrc, long index) {
    long head = ((ssrc & 0xFFFFFFFFL) << 16) | (index >>> 32);
    int tail = (int) index;
    LONG.set(iv, 0, head ^ (long) LONG.get(rtpSalt, 0));
    INT.set(iv, 8, tail ^ (int) INT.get(rtpSalt, 8));
    return iv;
  }

  /** RFC 7714 §9.1: IV = (00 00 || SSRC || 00 00 || 0 || SRTCP index) XOR salt. */
  private byte[] rtcpIv(int ssrc, int index) {
    long head = (ssrc & 0xFFFFFFFFL) << 16;
    LONG.set(iv, 0, head ^ (long) LONG.get(rtcpSalt, 0));
    INT.set(iv, 8, index ^ (int) INT.get(rtcpSalt, 8));
    return iv;
  }
}
