package org.rtc4j.srtp;

import java.util.Objects;
import org.rtc4j.common.DropCounts;
import org.rtc4j.dtls.SrtpKeyingMaterial;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.srtp.context.ReplayWindow;
import org.rtc4j.srtp.context.RolloverCounter;
import org.rtc4j.srtp.context.SsrcTable;
import org.rtc4j.srtp.crypto.SrtpTransform;

/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) for both directions of one DTLS-SRTP association: it protects
 * outgoing RTP and RTCP packets with the local keys and unprotects incoming ones with the remote
 * keys of an {@link SrtpKeyingMaterial}.
 *
 * <h2>Packets in place</h2>
 *
 * Every method works on a packet in the caller's array, in place or into another array the caller
 * provides, and returns the new length. Protecting appends the profile's trailer ({@link
 * #rtpOverhead()}, {@link #rtcpOverhead()}), for which the caller leaves room. Unprotecting returns
 * the plaintext's length, or a negative {@link SrtpDrop#result()} for a packet it refuses, which it
 * also counts in {@link #drops()}: nothing that arrives from the network makes it throw. Only the
 * caller's own mistakes throw: array bounds, too little room, an outgoing packet that is not RTP.
 * The RTP header, CSRCs and header extension included, stays in the clear and is authenticated (RFC
 * 3711 §3.1); the payload is encrypted, padding and all; no header bit is changed.
 *
 * <h2>Contexts</h2>
 *
 * Each SSRC has its own cryptographic context (RFC 3711 §3.2), made on its first packet: for
 * sending, the highest SRTP index sent and the SRTCP index; for receiving, the rollover counter
 * estimate and a replay window for SRTP and for SRTCP (RFC 3711 §3.3.1, §3.3.2, Appendix A). A
 * received SSRC gets a context only once its first packet has authenticated, and at most {@link
 * SrtpConfig#maxSsrcs()} SSRCs get one in each direction; past that, packets of new SSRCs are
 * dropped as {@link SrtpDrop#SSRC_LIMIT}.
 *
 * <p>The session keys are derived once, with a key derivation rate of 0: DTLS-SRTP uses no other
 * (RFC 5764 §4.1.2), and rtc4j supports no other. There is no MKI. An SRTP index past 2^48 − 1 or
 * an SRTCP index past 2^31 − 1 needs new keys; sending then throws {@link IllegalStateException}.
 *
 * <h2>Cost</h2>
 *
 * Once an SSRC has its context, protecting and unprotecting allocate nothing. See
 * rtc4j-benchmarks/README.md for times. Not thread-safe: one thread, or one lock, per session.
 */
public final class SrtpSession {
  /** RFC 3550 §5.1: the fixed RTP header. */
  private static final int RTP_HEADER_LENGTH = 12;

  /** RFC 3550 §6.4.1: version, count, packet type, length, and the sender's SSRC. */
  private static final int RTCP_HEADER_LENGTH = 8;

  /** RFC 3711 §3.3.1: the SRTCP index is 31 bits. */
  private static final int MAX_RTCP_INDEX = 0x7FFFFFFF;

  private final SrtpProfile profile;
  private final SrtpConfig config;
  private final SrtpTransform outgoing;
  private final SrtpTransform incoming;
  private final SsrcTable<Sender> senders;
  private final SsrcTable<Receiver> receivers;
  private final DropCounts<SrtpDrop> drops = new DropCounts<>(SrtpDrop.class);

  /** A session with {@link SrtpConfig#DEFAULT}. */
  public SrtpSession(SrtpKeyingMaterial keys) {
    this(keys, SrtpConfig.DEFAULT);
  }

  /**
   * A session with the keys a DTLS-SRTP handshake exported.
   *
   * @throws IllegalArgumentException if a key or salt has another length than the profile's
   */
  public SrtpSession(SrtpKeyingMaterial keys, SrtpConfig config) {
    this.profile = Objects.requireNonNull(keys.profile(), "profile");
    this.config = Objects.requireNonNull(config, "config");
    this.outgoing =
        SrtpTransform.fromMaster(
            profile, keys.localMasterKey(), keys.localMasterSalt(), config.gcm());
    this.incoming =
        SrtpTransform.fromMaster(
            profile, keys.remoteMasterKey(), keys.remoteMasterSalt(), config.gcm());
    this.senders = new SsrcTable<>(config.maxSsrcs());
    this.receivers = new SsrcTable<>(config.maxSsrcs());
  }

  /** The protection profile. */
  public SrtpProfile profile() {
    return profile;
  }

  /** The limits. */
  public SrtpConfig config() {
    return config;
  }

  /** Bytes that protecting an RTP packet appends: the authentication tag (4, 10 or 16). */
  public int rtpOverhead() {
    return outgoing.rtpOverhead();
  }

  /** Bytes that protecting an RTCP packet appends: E flag and SRTCP index, and the tag. */
  public int rtcpOverhead() {
    return outgoing.rtcpOverhead();
  }

  /** Received packets refused, by reason. */
  public DropCounts<SrtpDrop> drops() {
    return drops;
  }

  /**
   * Protects the RTP packet {@code packet[offset..offset+length)} in place: encrypts its payload
   * and appends the tag.
   *
   * @param capacity bytes from {@code offset} the packet may grow into, at least {@code length +
   *     rtpOverhead()}
   * @return the SRTP packet's length, {@code length + rtpOverhead()}
   * @throws IllegalArgumentException if the bytes are not an RTP version 2 packet (header, CSRCs
   *     and extension within {@code length}), or {@code capacity} is too small
   * @throws IllegalStateException if the SSRC is new and {@link SrtpConfig#maxSsrcs()} SSRCs
   *     already have contexts, or the stream has run out of SRTP indices
   */
  public int protectRtp(byte[] packet, int offset, int length, int capacity) {
    Objects.checkFromIndexSize(offset, capacity, packet.length);
    int overhead = outgoing.rtpOverhead();
    if (length < 0 || capacity - overhead < length) {
      throw new IllegalArgumentException(
          "an RTP packet of "
              + length
              + " bytes needs "
              + overhead
              + " more; capacity "
              + capacity);
    }
    int headerLength = rtpHeaderLength(packet, offset, length);
    if (headerLength < 0) {
      throw new IllegalArgumentException("not an RTP version 2 packet");
    }
    Sender sender = sender(rtpSsrc(packet, offset));
    int seq = u16(packet, offset + 2);
    long index = RolloverCounter.estimate(sender.rtpHighest, seq);
    if (index < 0) {
      throw new IllegalStateException(
          "sequence number " + seq + " is outside the stream's SRTP index range");
    }
    if (index > sender.rtpHighest) {
      sender.rtpHighest = index;
    }
    return outgoing.protectRtp(packet, offset, headerLength, length, index);
  }

  /**
   * Protects the RTP packet {@code source[sourceOffset..+length)} into {@code
   * destination[destinationOffset..)}, which needs room for {@code length + rtpOverhead()} bytes.
   * The two ranges may overlap.
   *
   * @return the SRTP packet's length
   * @see #protectRtp(byte[], int, int, int)
   */
  public int protectRtp(
      byte[] source, int sourceOffset, int length, byte[] destination, int destinationOffset) {
    Objects.checkFromIndexSize(sourceOffset, length, source.length);
    int capacity = destination.length - destinationOffset;
    Objects.checkFromIndexSize(destinationOffset, capacity, destination.length);
    if (capacity - outgoing.rtpOverhead() < length) {
      throw new IllegalArgumentException("no room for the SRTP packet: capacity " + capacity);
    }
    System.arraycopy(source, sourceOffset, destination, destinationOffset, length);
    return protectRtp(destination, destinationOffset, length, capacity);
  }

  /**
   * Unprotects the SRTP packet {@code packet[offset..offset+length)} in place: checks it against
   * the SSRC's replay window, authenticates it under the estimated rollover counter and decrypts
   * it. The RTP packet is then {@code packet[offset..offset+result)}.
   *
   * @return the RTP packet's length, or a negative {@link SrtpDrop#result()} (the packet is then
   *     unchanged, and the drop counted)
   * @throws IndexOutOfBoundsException if the range lies outside {@code packet}
   */
  public int unprotectRtp(byte[] packet, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, packet.length);
    int headerLength = rtpHeaderLength(packet, offset, length - incoming.rtpOverhead());
    if (headerLength < 0) {
      return drop(SrtpDrop.MALFORMED);
    }
    int ssrc = rtpSsrc(packet, offset);
    int seq = u16(packet, offset + 2);
    Receiver receiver = receivers.get(ssrc);
    ReplayWindow window = receiver == null ? null : receiver.rtp;
    long index;
    if (window == null) {
      if (receiver == null && receivers.isFull()) {
        return drop(SrtpDrop.SSRC_LIMIT);
      }
      // RFC 3711 §3.3.1: a new context starts with ROC 0 and the first packet's SEQ.
      index = seq;
    } else {
      index = RolloverCounter.estimate(window.highest(), seq);
      if (index < 0 || !window.isFresh(index)) {
        return drop(SrtpDrop.REPLAYED);
      }
    }
    int n = incoming.unprotectRtp(packet, offset, headerLength, length, index);
    if (n < 0) {
      return drop(SrtpDrop.AUTHENTICATION_FAILED);
    }
    if (window == null) {
      receiver = receiver(receiver, ssrc);
      window = receiver.rtp = new ReplayWindow(config.replayWindow());
    }
    window.accept(index);
    return n;
  }

  /**
   * Unprotects the SRTP packet {@code source[sourceOffset..+length)} into {@code
   * destination[destinationOffset..)}, which needs room for {@code length} bytes; what it holds
   * after a refused packet is unspecified. The two ranges may overlap.
   *
   * @return the RTP packet's length, or a negative {@link SrtpDrop#result()}
   * @see #unprotectRtp(byte[], int, int)
   */
  public int unprotectRtp(
      byte[] source, int sourceOffset, int length, byte[] destination, int destinationOffset) {
    copy(source, sourceOffset, length, destination, destinationOffset);
    return unprotectRtp(destination, destinationOffset, length);
  }

  /**
   * Protects the RTCP compound packet {@code packet[offset..offset+length)} in place: encrypts all
   * after its first 8 bytes and appends the E flag (set), the SSRC's next SRTCP index, and the tag
   * (RFC 3711 §3.4).
   *
   * @param capacity bytes from {@code offset} the packet may grow into, at least {@code length +
   *     rtcpOverhead()}
   * @return the SRTCP packet's length, {@code length + rtcpOverhead()}
   * @throws IllegalArgumentException if the bytes are not at least an RTCP version 2 header and
   *     SSRC, or {@code capacity} is too small
   * @throws IllegalStateException if the SSRC is new and {@link SrtpConfig#maxSsrcs()} SSRCs
   *     already have contexts, or the SSRC has used all 2^31 SRTCP indices
   */
  public int protectRtcp(byte[] packet, int offset, int length, int capacity) {
    Objects.checkFromIndexSize(offset, capacity, packet.length);
    int overhead = outgoing.rtcpOverhead();
    if (length < 0 || capacity - overhead < length) {
      throw new IllegalArgumentException(
          "an RTCP packet of "
              + length
              + " bytes needs "
              + overhead
              + " more; capacity "
              + capacity);
    }
    if (length < RTCP_HEADER_LENGTH || !isVersion2(packet, offset)) {
      throw new IllegalArgumentException("not an RTCP version 2 packet");
    }
    Sender sender = sender(rtcpSsrc(packet, offset));
    if (sender.rtcpIndex == MAX_RTCP_INDEX) {
      throw new IllegalStateException("the SSRC has used every SRTCP index: new keys are needed");
    }
    int index = ++sender.rtcpIndex;
    return outgoing.protectRtcp(packet, offset, length, index);
  }

  /**
   * Protects the RTCP compound packet {@code source[sourceOffset..+length)} into {@code
   * destination[destinationOffset..)}, which needs room for {@code length + rtcpOverhead()} bytes.
   * The two ranges may overlap.
   *
   * @return the SRTCP packet's length
   * @see #protectRtcp(byte[], int, int, int)
   */
  public int protectRtcp(
      byte[] source, int sourceOffset, int length, byte[] destination, int destinationOffset) {
    Objects.checkFromIndexSize(sourceOffset, length, source.length);
    int capacity = destination.length - destinationOffset;
    Objects.checkFromIndexSize(destinationOffset, capacity, destination.length);
    if (capacity - outgoing.rtcpOverhead() < length) {
      throw new IllegalArgumentException("no room for the SRTCP packet: capacity " + capacity);
    }
    System.arraycopy(source, sourceOffset, destination, destinationOffset, length);
    return protectRtcp(destination, destinationOffset, length, capacity);
  }

  /**
   * Unprotects the SRTCP packet {@code packet[offset..offset+length)} in place: checks its index
   * against the SSRC's SRTCP replay window, authenticates it, and decrypts it if its E flag is set.
   *
   * @return the RTCP compound packet's length, or a negative {@link SrtpDrop#result()} (the packet
   *     is then unchanged, and the drop counted)
   * @throws IndexOutOfBoundsException if the range lies outside {@code packet}
   */
  public int unprotectRtcp(byte[] packet, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, packet.length);
    if (length - incoming.rtcpOverhead() < RTCP_HEADER_LENGTH || !isVersion2(packet, offset)) {
      return drop(SrtpDrop.MALFORMED);
    }
    int ssrc = rtcpSsrc(packet, offset);
    int index = u32(packet, offset + incoming.rtcpIndexPosition(length)) & MAX_RTCP_INDEX;
    Receiver receiver = receivers.get(ssrc);
    ReplayWindow window = receiver == null ? null : receiver.rtcp;
    if (window == null) {
      if (receiver == null && receivers.isFull()) {
        return drop(SrtpDrop.SSRC_LIMIT);
      }
    } else if (!window.isFresh(index)) {
      return drop(SrtpDrop.REPLAYED);
    }
    int n = incoming.unprotectRtcp(packet, offset, length);
    if (n < 0) {
      return drop(SrtpDrop.AUTHENTICATION_FAILED);
    }
    if (window == null) {
      receiver = receiver(receiver, ssrc);
      window = receiver.rtcp = new ReplayWindow(config.replayWindow());
    }
    window.accept(index);
    return n;
  }

  /**
   * Unprotects the SRTCP packet {@code source[sourceOffset..+length)} into {@code
   * destination[destinationOffset..)}, which needs room for {@code length} bytes; what it holds
   * after a refused packet is unspecified. The two ranges may overlap.
   *
   * @return the RTCP compound packet's length, or a negative {@link SrtpDrop#result()}
   * @see #unprotectRtcp(byte[], int, int)
   */
  public int unprotectRtcp(
      byte[] source, int sourceOffset, int length, byte[] destination, int destinationOffset) {
    copy(source, sourceOffset, length, destination, destinationOffset);
    return unprotectRtcp(destination, destinationOffset, length);
  }

  @Override
  public String toString() {
    return "SrtpSession["
        + profile
        + ", "
        + senders.size()
        + " sending SSRCs, "
        + receivers.size()
        + " receiving, drops "
        + drops
        + "]";
  }

  private int drop(SrtpDrop reason) {
    drops.increment(reason);
    return reason.result();
  }

  private Sender sender(int ssrc) {
    Sender sender = senders.get(ssrc);
    if (sender == null) {
      if (senders.isFull()) {
        throw new IllegalStateException(
            "already " + config.maxSsrcs() + " sending SSRCs (SrtpConfig.maxSsrcs)");
      }
      sender = new Sender();
      senders.add(ssrc, sender);
    }
    return sender;
  }

  /** {@code existing}, or a new receiver for {@code ssrc}, which has none and fits. */
  private Receiver receiver(Receiver existing, int ssrc) {
    if (existing != null) {
      return existing;
    }
    Receiver receiver = new Receiver();
    receivers.add(ssrc, receiver);
    return receiver;
  }

  private static void copy(
      byte[] source, int sourceOffset, int length, byte[] destination, int destinationOffset) {
    Objects.checkFromIndexSize(sourceOffset, length, source.length);
    Objects.checkFromIndexSize(destinationOffset, length, destination.length);
    System.arraycopy(source, sourceOffset, destination, destinationOffset, length);
  }

  /**
   * The length of the RTP header at {@code p[off..off+len)}: the fixed 12 bytes, the CSRCs, and the
   * header extension if the X bit is set (RFC 3550 §5.1, §5.3.1); -1 if it is not version 2 or does
   * not fit in {@code len}. Reads nothing outside the range.
   */
  static int rtpHeaderLength(byte[] p, int off, int len) {
    if (len < RTP_HEADER_LENGTH || !isVersion2(p, off)) {
      return -1;
    }
    int first = p[off];
    int length = RTP_HEADER_LENGTH + 4 * (first & 0x0F);
    if ((first & 0x10) != 0) {
      if (length + 4 > len) {
        return -1;
      }
      // The extension's length counts 32-bit words after its 4-byte header.
      length += 4 + 4 * u16(p, off + length + 2);
    }
    return length <= len ? length : -1;
  }

  private static boolean isVersion2(byte[] p, int off) {
    return (p[off] & 0xC0) == 0x80;
  }

  private static int rtpSsrc(byte[] p, int off) {
    return u32(p, off + 8);
  }

  private static int rtcpSsrc(byte[] p, int off) {
    return u32(p, off + 4);
  }

  private static int u16(byte[] p, int off) {
    return ((p[off] & 0xFF) << 8) | (p[off + 1] & 0xFF);
  }

  private static int u32(byte[] p, int off) {
    return (p[off] << 24)
        | ((p[off + 1] & 0xFF) << 16)
        | ((p[off + 2] & 0xFF) << 8)
        | (p[off + 3] & 0xFF);
  }

  /** What has been sent under one SSRC. */
  private static final class Sender {
    /** The highest SRTP index sent, -1 before the first packet. */
    long rtpHighest = -1;

    /** The last SRTCP index sent, -1 before the first packet. */
    int rtcpIndex = -1;
  }

  /** The replay windows of one received SSRC, each made on the first authenticated packet. */
  private static final class Receiver {
    ReplayWindow rtp;
    ReplayWindow rtcp;
  }
}
