package org.rtc4j;

/**
 * What a datagram on a WebRTC transport is, by its first byte (RFC 7983 §7, as updated by RFC 9443
 * §3): the one place where STUN, DTLS and SRTP arriving on one port are told apart.
 *
 * <pre>
 *   first byte   0..3     STUN (ICE checks, consent)
 *               16..19    ZRTP (not used by WebRTC; dropped)
 *               20..63    DTLS
 *               64..79    TURN channel data (RFC 8656 §12)
 *              128..191   RTP or RTCP, told apart by the second byte (RFC 5761 §4)
 *              anything else: unknown, dropped
 * </pre>
 */
public enum PacketClass {
  /** A STUN message. */
  STUN,
  /** ZRTP, which WebRTC does not use. */
  ZRTP,
  /** A DTLS record (or several). */
  DTLS,
  /** TURN ChannelData. */
  TURN_CHANNEL,
  /** RTP (SRTP on the wire). */
  RTP,
  /** RTCP (SRTCP on the wire): payload types 192–223 in the second byte (RFC 5761 §4). */
  RTCP,
  /** None of the above, or too short to tell. */
  UNKNOWN;

  /**
   * Classifies the datagram at {@code data[offset..offset+length)}. Never throws for any content;
   * an empty range is {@link #UNKNOWN}, as is an RTP-range datagram shorter than two bytes.
   *
   * @throws IndexOutOfBoundsException if the range is not inside {@code data}
   */
  public static PacketClass of(byte[] data, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, data.length);
    if (length == 0) {
      return UNKNOWN;
    }
    int first = data[offset] & 0xFF;
    if (first <= 3) {
      return STUN;
    }
    if (first >= 16 && first <= 19) {
      return ZRTP;
    }
    if (first >= 20 && first <= 63) {
      return DTLS;
    }
    if (first >= 64 && first <= 79) {
      return TURN_CHANNEL;
    }
    if (first >= 128 && first <= 191) {
      if (length < 2) {
        return UNKNOWN;
      }
      // RFC 5761 §4: with rtcp-mux, RTCP's packet types 192–223 fill the second byte where RTP's
      // marker bit and payload type sit; RTP payload types 64–95 are therefore not used.
      int type = data[offset + 1] & 0xFF;
      return type >= 192 && type <= 223 ? RTCP : RTP;
    }
    return UNKNOWN;
  }
}
