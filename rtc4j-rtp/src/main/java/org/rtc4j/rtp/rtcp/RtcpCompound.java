package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A view of a compound RTCP packet (RFC 3550 §6.1): the RTCP packets of one datagram, one after the
 * other. {@link #wrap} checks every packet's header (version 2, a length that fits, padding)
 * without allocating; {@link #next()} then steps through them, reading each header's fields in
 * place, and {@link #parse()} parses the current one as its type.
 *
 * <pre>{@code
 * RtcpCompound compound = new RtcpCompound();
 * compound.wrap(datagram, 0, length);
 * while (compound.next()) {
 *   if (compound.packetType() == RtcpPacketType.RTPFB && compound.format() == Nack.FORMAT) {
 *     Nack nack = (Nack) compound.parse();
 *   }
 * }
 * }</pre>
 *
 * <p>It does not require the compound to start with SR or RR: RFC 5506 lets a peer that negotiated
 * {@code a=rtcp-rsize} send reduced-size RTCP, a single feedback packet on its own. Not
 * thread-safe.
 */
public final class RtcpCompound {
  private byte[] data;
  private int start;
  private int end;
  private int packetCount;
  private int next;
  private int current = -1;
  private int currentLength;

  /** A view of no packet yet; {@link #wrap} gives it one. */
  public RtcpCompound() {}

  /**
   * Points the view at the compound in {@code data[offset, offset + length)} and checks the header
   * of every packet in it, before the first.
   *
   * @throws ParseException if a header is malformed, a packet overruns the datagram, bytes are left
   *     over after the last packet, or there is no packet at all
   */
  public RtcpCompound wrap(byte[] data, int offset, int length) throws ParseException {
    Objects.checkFromIndexSize(offset, length, data.length);
    this.data = null;
    if (length == 0) {
      throw new ParseException("no RTCP packet", 0);
    }
    int count = 0;
    int at = offset;
    int stop = offset + length;
    while (at < stop) {
      int packetLength = packetLength(data, at, stop - at, at - offset);
      try {
        RtcpHeader.checkFraming(data, at, packetLength);
      } catch (ParseException e) {
        throw new ParseException(e.reason(), at - offset + e.offset());
      }
      at += packetLength;
      count++;
    }
    this.data = data;
    this.start = offset;
    this.end = stop;
    this.packetCount = count;
    rewind();
    return this;
  }

  /** The length of the packet at {@code data[at]}, from its header, checked to fit. */
  private static int packetLength(byte[] data, int at, int left, int position)
      throws ParseException {
    if (left < RtcpHeader.LENGTH) {
      throw new ParseException(left + " bytes after the last RTCP packet", position);
    }
    if ((data[at] & 0xC0) != 0x80) {
      throw new ParseException("RTCP version " + ((data[at] & 0xFF) >>> 6) + ", not 2", position);
    }
    int length = 4 * (1 + (((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF)));
    if (length > left) {
      throw new ParseException(
          "RTCP packet of " + length + " bytes overruns the " + left + " left", position + 2);
    }
    return length;
  }

  /** The number of packets in the compound. */
  public int packetCount() {
    check();
    return packetCount;
  }

  /** Moves back to before the first packet. */
  public RtcpCompound rewind() {
    check();
    next = start;
    current = -1;
    currentLength = 0;
    return this;
  }

  /**
   * Moves to the next packet.
   *
   * @return false when there are no more
   */
  public boolean next() {
    check();
    if (next >= end) {
      current = -1;
      return false;
    }
    current = next;
    currentLength = 4 * (1 + (((data[current + 2] & 0xFF) << 8) | (data[current + 3] & 0xFF)));
    next = current + currentLength;
    return true;
  }

  /** The current packet's type (PT): one of {@link RtcpPacketType}'s, or another. */
  public int packetType() {
    checkCurrent();
    return data[current + 1] & 0xFF;
  }

  /**
   * The current packet's 5-bit count field: the report count of SR and RR, the source count of SDES
   * and BYE, the subtype of APP, the feedback message type (FMT) of RTPFB and PSFB.
   */
  public int count() {
    checkCurrent();
    return data[current] & 0x1F;
  }

  /** The same field as {@link #count()}, by its name in feedback packets (RFC 4585 §6.1). */
  public int format() {
    return count();
  }

  /** Whether the current packet has padding (the P bit). */
  public boolean hasPadding() {
    checkCurrent();
    return (data[current] & 0x20) != 0;
  }

  /** Where the current packet starts in the wrapped array. */
  public int offset() {
    checkCurrent();
    return current;
  }

  /** The current packet's length, header and padding included. */
  public int length() {
    checkCurrent();
    return currentLength;
  }

  /** Parses the current packet as its type (see {@link RtcpPacket#parse}). */
  public RtcpPacket parse() throws ParseException {
    checkCurrent();
    try {
      return RtcpPacket.parse(data, current, currentLength);
    } catch (ParseException e) {
      throw new ParseException(e.reason(), current - start + e.offset());
    }
  }

  /**
   * Parses every packet of the compound in {@code data[offset, +length)}.
   *
   * @throws ParseException if the compound, or any packet in it, is malformed
   */
  public static List<RtcpPacket> parseAll(byte[] data, int offset, int length)
      throws ParseException {
    RtcpCompound compound = new RtcpCompound().wrap(data, offset, length);
    List<RtcpPacket> packets = new ArrayList<>(compound.packetCount());
    while (compound.next()) {
      packets.add(compound.parse());
    }
    return packets;
  }

  /** Writes {@code packets}, one after the other, as one compound packet. */
  public static void write(List<? extends RtcpPacket> packets, ByteWriter out) {
    for (RtcpPacket packet : packets) {
      packet.write(out);
    }
  }

  /** The compound packet of {@code packets}, one after the other. */
  public static byte[] toByteArray(List<? extends RtcpPacket> packets) {
    long most = Math.max(128L, (long) packets.size() * RtcpPacket.MAX_LENGTH);
    ByteWriter out = ByteWriter.growable(128, (int) Math.min(most, Integer.MAX_VALUE - 8));
    write(packets, out);
    return out.toByteArray();
  }

  private void check() {
    if (data == null) {
      throw new IllegalStateException("no compound packet: wrap one first");
    }
  }

  private void checkCurrent() {
    check();
    if (current < 0) {
      throw new IllegalStateException("no current packet: call next() first");
    }
  }
}
