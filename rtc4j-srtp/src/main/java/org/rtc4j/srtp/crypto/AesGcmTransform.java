package org.rtc4j.srtp.crypto;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM for SRTP and SRTCP (RFC 7714): a 12-byte salt, a 16-byte
 * tag, the IVs of §8.1 and §9.1, and the SRTCP layout of §9: header || ciphertext || tag || E ||
 * index, with the header and the E-and-index word as AAD. The AEAD itself is {@link AesGcm} or
 * {@link JdkAesGcm}.
 */
final class AesGcmTransform extends SrtpTransform {
  private static final byte[] NONE = new byte[0];

  private final GcmAead rtp;
  private final byte[] rtpSalt;
  private final GcmAead rtcp;
  private final byte[] rtcpSalt;
  private final byte[] iv = new byte[12];
  private final byte[] trailer = new byte[RTCP_INDEX_LENGTH];

  AesGcmTransform(
      byte[] rtpKey, byte[] rtpSalt, byte[] rtcpKey, byte[] rtcpSalt, boolean jdkCipher) {
    if (rtpSalt.length != 12 || rtcpSalt.length != 12) {
      throw new IllegalArgumentException("RFC 7714 §11: a GCM session salt is 12 bytes");
    }
    this.rtp = jdkCipher ? new JdkAesGcm(rtpKey) : new AesGcm(rtpKey);
    this.rtpSalt = rtpSalt.clone();
    this.rtcp = jdkCipher ? new JdkAesGcm(rtcpKey) : new AesGcm(rtcpKey);
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
    byte[] iv = rtpIv(rtpSsrc(p, off), index);
    rtp.seal(iv, p, off, headerLength, NONE, 0, 0, p, off + headerLength, len - headerLength);
    return len + GcmAead.TAG_LENGTH;
  }

  @Override
  public int unprotectRtp(byte[] p, int off, int headerLength, int len, long index) {
    int n = len - GcmAead.TAG_LENGTH;
    byte[] iv = rtpIv(rtpSsrc(p, off), index);
    return rtp.open(iv, p, off, headerLength, NONE, 0, 0, p, off + headerLength, n - headerLength)
        ? n
        : -1;
  }

  @Override
  public int protectRtcp(byte[] p, int off, int len, int index) {
    int word = E_FLAG | index;
    INT.set(trailer, 0, word);
    byte[] iv = rtcpIv(rtcpSsrc(p, off), index);
    // RFC 7714 §9.3: AAD = the first 8 octets || E flag and SRTCP index.
    int text = off + RTCP_HEADER_LENGTH;
    rtcp.seal(
        iv,
        p,
        off,
        RTCP_HEADER_LENGTH,
        trailer,
        0,
        RTCP_INDEX_LENGTH,
        p,
        text,
        len - RTCP_HEADER_LENGTH);
    INT.set(p, off + len + GcmAead.TAG_LENGTH, word);
    return len + GcmAead.TAG_LENGTH + RTCP_INDEX_LENGTH;
  }

  @Override
  public int unprotectRtcp(byte[] p, int off, int len) {
    int n = len - GcmAead.TAG_LENGTH - RTCP_INDEX_LENGTH;
    int trailerAt = off + len - RTCP_INDEX_LENGTH;
    int word = (int) INT.get(p, trailerAt);
    byte[] iv = rtcpIv(rtcpSsrc(p, off), word & ~E_FLAG);
    boolean authentic;
    if ((word & E_FLAG) != 0) {
      int text = off + RTCP_HEADER_LENGTH;
      authentic =
          rtcp.open(
              iv,
              p,
              off,
              RTCP_HEADER_LENGTH,
              p,
              trailerAt,
              RTCP_INDEX_LENGTH,
              p,
              text,
              n - RTCP_HEADER_LENGTH);
    } else {
      // RFC 7714 §9.2 (E = 0): the whole packet and the E-and-index word are AAD, nothing is
      // encrypted.
      authentic = rtcp.open(iv, p, off, n, p, trailerAt, RTCP_INDEX_LENGTH, p, off + n, 0);
    }
    return authentic ? n : -1;
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
