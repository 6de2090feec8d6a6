package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A generic NACK (RFC 4585 §6.2.1): transport layer feedback (PT 205, FMT 1) that asks for the
 * retransmission of lost RTP packets. Each entry names a lost packet (PID) and, in a 16-bit mask
 * (BLP), which of the 16 packets after it were lost too.
 *
 * @param senderSsrc the SSRC of the packet's sender
 * @param mediaSsrc the SSRC of the media source the packets were lost from
 * @param entries the PID and BLP pairs, at least one
 */
public record Nack(long senderSsrc, long mediaSsrc, List<Nack.Entry> entries)
    implements RtcpPacket {
  /** RFC 4585 §6.2: the FMT of a generic NACK. */
  public static final int FORMAT = 1;

  /**
   * One FCI entry (RFC 4585 §6.2.1).
   *
   * @param packetId PID: the sequence number of a lost packet
   * @param lostBitmask BLP: bit i (from the least significant) set if packet PID + i + 1 was lost
   */
  public record Entry(int packetId, int lostBitmask) {
    /** Checks both 16-bit fields. */
    public Entry {
      Unsigned.bits("PID", packetId, 16);
      Unsigned.bits("BLP", lostBitmask, 16);
    }

    /** The sequence numbers this entry says were lost: PID first, then BLP's, ascending. */
    public List<Integer> sequenceNumbers() {
      List<Integer> lost = new ArrayList<>(1 + Integer.bitCount(lostBitmask));
      lost.add(packetId);
      for (int i = 0; i < 16; i++) {
        if ((lostBitmask & (1 << i)) != 0) {
          lost.add((packetId + i + 1) & 0xFFFF);
        }
      }
      return lost;
    }

    /** Whether the entry says {@code sequenceNumber} was lost. */
    boolean covers(int sequenceNumber) {
      int distance = (sequenceNumber - packetId) & 0xFFFF;
      return distance == 0 || (distance <= 16 && (lostBitmask & (1 << (distance - 1))) != 0);
    }
  }

  /** Checks the SSRCs and that there is an entry; copies the entries. */
  public Nack {
    Unsigned.u32("sender SSRC", senderSsrc);
    Unsigned.u32("media SSRC", mediaSsrc);
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a generic NACK needs at least one entry");
    }
  }

  /**
   * A NACK of the sequence numbers in {@code lost}, with as few entries as their order allows: each
   * number joins the entry before it if it falls in that entry's 16-packet window, else it starts a
   * new one; numbers already covered are skipped. In ascending order (across the 16-bit wrap) they
   * take the fewest entries.
   *
   * @throws IllegalArgumentException if {@code lost} is empty or holds a number outside 0–65535
   */
  public static Nack of(long senderSsrc, long mediaSsrc, Collection<Integer> lost) {
    List<Entry> entries = new ArrayList<>();
    for (int sequenceNumber : lost) {
      Unsigned.bits("sequence number", sequenceNumber, 16);
      boolean covered = false;
      for (Entry entry : entries) {
        covered |= entry.covers(sequenceNumber);
      }
      if (covered) {
        continue;
      }
      int last = entries.size() - 1;
      int distance = last < 0 ? 0 : (sequenceNumber - entries.get(last).packetId()) & 0xFFFF;
      if (distance >= 1 && distance <= 16) {
        Entry entry = entries.get(last);
        entries.set(last, new Entry(entry.packetId(), entry.lostBitmask() | (1 << (distance - 1))));
      } else {
        entries.add(new Entry(sequenceNumber, 0));
      }
    }
    return new Nack(senderSsrc, mediaSsrc, entries);
  }

  /** Parses the one generic NACK that is exactly {@code data[offset, +length)}. */
  public static Nack parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.RTPFB, FORMAT);
    ByteReader in = header.body;
    long sender = in.u32();
    long media = in.u32();
    if (!in.hasRemaining() || in.remaining() % 4 != 0) {
      throw new ParseException(
          "generic NACK FCI of " + in.remaining() + " bytes, not a positive multiple of 4",
          in.position());
    }
    List<Entry> entries = new ArrayList<>(in.remaining() / 4);
    while (in.hasRemaining()) {
      entries.add(new Entry(in.u16(), in.u16()));
    }
    return new Nack(sender, media, entries);
  }

  /** Every sequence number the NACK says was lost, entry by entry. */
  public List<Integer> sequenceNumbers() {
    List<Integer> lost = new ArrayList<>();
    for (Entry entry : entries) {
      lost.addAll(entry.sequenceNumbers());
    }
    return lost;
  }

  @Override
  public int packetType() {
    return RtcpPacketType.RTPFB;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, FORMAT, RtcpPacketType.RTPFB);
    out.u32(senderSsrc).u32(mediaSsrc);
    for (Entry entry : entries) {
      out.u16(entry.packetId()).u16(entry.lostBitmask());
    }
    RtcpHeader.end(out, start);
  }
}
