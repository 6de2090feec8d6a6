package org.rtc4j.srtp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.srtp.GcmImplementation;

/**
 * The cryptographic transform of one direction of an SRTP session (RFC 3711 §4, RFC 7714): the
 * session keys of SRTP and SRTCP, and protecting and unprotecting one packet in place under a given
 * index. It knows nothing of contexts, rollover counters or replay: the caller estimates the index
 * and checks the replay window. Nothing here allocates after construction.
 *
 * <p>Packets are {@code p[off..off+len)}; the caller has checked that they are long enough and that
 * the array has room for what protecting appends. Not thread-safe.
 */
public abstract class SrtpTransform {
  static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** RFC 3711 §3.4: the SRTCP header that stays in the clear, up to and including the SSRC. */
  public static final int RTCP_HEADER_LENGTH = 8;

  /** RFC 3711 §3.4: the E flag and 31-bit SRTCP index. */
  public static final int RTCP_INDEX_LENGTH = 4;

  /** RFC 3711 §3.4: the E flag, the top bit of the word before (CM) or after (GCM) the tag. */
  public static final int E_FLAG = 0x80000000;

  SrtpTransform() {}

  /**
   * The transform for {@code profile} with session keys derived (RFC 3711 §4.3, KDR 0) from a
   * master key and salt of the profile's lengths, GCM by {@link GcmImplementation#ALLOCATION_FREE}.
   */
  public static SrtpTransform fromMaster(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
    return fromMaster(profile, masterKey, masterSalt, GcmImplementation.ALLOCATION_FREE);
  }

  /**
   * The transform for {@code profile} with session keys derived (RFC 3711 §4.3, KDR 0) from a
   * master key and salt of the profile's lengths; {@code gcm} says what computes the GCM profiles.
   */
  public static SrtpTransform fromMaster(
      SrtpProfile profile, byte[] masterKey, byte[] masterSalt, GcmImplementation gcm) {
    if (masterKey.length != profile.keyLength() || masterSalt.length != profile.saltLength()) {
      throw new IllegalArgumentException(
          profile
              + " needs a "
              + profile.keyLength()
              + "-byte master key and a "
              + profile.saltLength()
              + "-byte master salt, not "
              + masterKey.length
              + " and "
              + masterSalt.length);
    }
    SrtpKdf kdf = new SrtpKdf(masterKey, masterSalt);
    int keyLength = profile.keyLength();
    int saltLength = profile.saltLength();
    byte[] rtpKey = kdf.derive(SrtpKdf.SRTP_ENCRYPTION, keyLength);
    byte[] rtpSalt = kdf.derive(SrtpKdf.SRTP_SALT, saltLength);
    byte[] rtcpKey = kdf.derive(SrtpKdf.SRTCP_ENCRYPTION, keyLength);
    byte[] rtcpSalt = kdf.derive(SrtpKdf.SRTCP_SALT, saltLength);
    switch (profile) {
      case AEAD_AES_128_GCM:
      case AEAD_AES_256_GCM:
        return new AesGcmTransform(
            rtpKey, rtpSalt, rtcpKey, rtcpSalt, gcm == GcmImplementation.JDK_CIPHER);
      default:
        // RFC 3711 §4.2.1 with §8.2: a 160-bit authentication key for HMAC-SHA1.
        byte[] rtpAuth = kdf.derive(SrtpKdf.SRTP_AUTHENTICATION, HmacSha1.LENGTH);
        byte[] rtcpAuth = kdf.derive(SrtpKdf.SRTCP_AUTHENTICATION, HmacSha1.LENGTH);
        int rtpTag = profile == SrtpProfile.AES128_CM_HMAC_SHA1_32 ? 4 : 10;
        return new AesCmHmacSha1Transform(
            rtpKey, rtpSalt, rtpAuth, rtpTag, rtcpKey, rtcpSalt, rtcpAuth);
    }
  }

  /** Bytes protecting an RTP packet appends: the authentication tag. */
  public abstract int rtpOverhead();

  /** Bytes protecting an RTCP packet appends: the E flag and index, and the tag. */
  public abstract int rtcpOverhead();

  /**
   * Encrypts the payload of the RTP packet {@code p[off..off+len)}, whose header (with CSRCs and
   * extension) is {@code headerLength} bytes, and appends the tag.
   *
   * @param index the packet's 48-bit SRTP index, ROC·2^16 + SEQ
   * @return the protected length, {@code len + rtpOverhead()}
   */
  public abstract int protectRtp(byte[] p, int off, int headerLength, int len, long index);

  /**
   * Checks the tag of the SRTP packet {@code p[off..off+len)} under {@code index} and, if it is
   * right, decrypts the payload in place.
   *
   * @return the RTP packet's length, or -1 if authentication failed (the packet is then unchanged)
   */
  public abstract int unprotectRtp(byte[] p, int off, int headerLength, int len, long index);

  /**
   * Encrypts the RTCP compound packet {@code p[off..off+len)} after its first 8 bytes, and appends
   * the E flag (set), {@code index} and the tag.
   *
   * @return the protected length, {@code len + rtcpOverhead()}
   */
  public abstract int protectRtcp(byte[] p, int off, int len, int index);

  /**
   * Checks the tag of the SRTCP packet {@code p[off..off+len)} and, if it is right and the E flag
   * is set, decrypts it in place.
   *
   * @return the RTCP compound packet's length, or -1 if authentication failed
   */
  public abstract int unprotectRtcp(byte[] p, int off, int len);

  /** Where, from the packet's start, the E flag and SRTCP index of an SRTCP packet of len are. */
  public abstract int rtcpIndexPosition(int len);

  /** The SSRC of an RTP packet, bytes 8–11. */
  static int rtpSsrc(byte[] p, int off) {
    return (int) INT.get(p, off + 8);
  }

  /** The SSRC of the first RTCP packet of a compound, bytes 4–7. */
  static int rtcpSsrc(byte[] p, int off) {
    return (int) INT.get(p, off + 4);
  }
}
