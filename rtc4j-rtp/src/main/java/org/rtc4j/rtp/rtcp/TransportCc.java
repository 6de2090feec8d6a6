package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): transport layer feedback (PT 205, FMT 15) that reports, for a range of transport-wide
 * sequence numbers, which packets arrived and when. Browsers send it for every packet carrying the
 * transport-wide-cc header extension.
 *
 * <p>The record keeps the packet as it is on the wire: the status chunks as they were chosen and
 * the receive deltas in 250 µs ticks, so that a parsed packet is written back byte for byte. {@link
 * #statuses()} and {@link #packetResults()} read it; {@link Builder} makes one from per-packet
 * results, choosing the chunks. Like libwebrtc, the writer pads the packet to 32 bits with RTCP
 * padding (the P bit, and the count in the last byte). A packet padded with bare zeros instead, as
 * the draft's figure shows, parses too, and is written back with RTCP padding.
 *
 * @param senderSsrc the SSRC of the packet's sender
 * @param mediaSsrc the media source field (libwebrtc puts the first media SSRC here; the feedback
 *     covers all streams of the transport)
 * @param baseSequenceNumber the first transport-wide sequence number reported
 * @param packetStatusCount how many sequence numbers are reported, from the base on
 * @param referenceTime the time base of the deltas, in 64 ms units, a 24-bit number that wraps
 * @param feedbackPacketCount the feedback packet's own 8-bit sequence number
 * @param chunks the status chunks, which cover exactly {@code packetStatusCount} statuses (the last
 *     may hold more, which are ignored)
 * @param receiveDeltas one delta per received packet, in 250 µs ticks: 0 to 255 for a small delta,
 *     -32768 to 32767 for a large one; the first is from the reference time, each next from the
 *     packet before
 */
public record TransportCc(
    long senderSsrc,
    long mediaSsrc,
    int baseSequenceNumber,
    int packetStatusCount,
    int referenceTime,
    int feedbackPacketCount,
    List<PacketStatusChunk> chunks,
    List<Integer> receiveDeltas)
    implements RtcpPacket {
  /** The FMT of transport-wide feedback. */
  public static final int FORMAT = 15;

  /** Microseconds per receive delta tick. */
  public static final int DELTA_TICK_MICROS = 250;

  /** Microseconds per reference time unit. */
  public static final int REFERENCE_TIME_MICROS = 64_000;

  /**
   * What the feedback says of one sequence number.
   *
   * @param sequenceNumber the transport-wide sequence number
   * @param status whether, and with which delta size, it arrived
   * @param receiveTimeMicros when it arrived: the reference time plus the deltas so far, in
   *     microseconds on the receiver's clock; 0 if it did not arrive
   */
  public record PacketResult(int sequenceNumber, PacketStatus status, long receiveTimeMicros) {}

  /** Checks every field, and that the chunks and the deltas agree; copies the lists. */
  public TransportCc {
    Unsigned.u32("sender SSRC", senderSsrc);
    Unsigned.u32("media SSRC", mediaSsrc);
    Unsigned.bits("base sequence number", baseSequenceNumber, 16);
    Unsigned.bits("packet status count", packetStatusCount, 16);
    Unsigned.bits("reference time", referenceTime, 24);
    Unsigned.bits("feedback packet count", feedbackPacketCount, 8);
    chunks = List.copyOf(chunks);
    receiveDeltas = List.copyOf(receiveDeltas);
    // Walks the reported statuses chunk by chunk, without building a list of them.
    int left = packetStatusCount;
    int delta = 0;
    for (PacketStatusChunk chunk : chunks) {
      if (left == 0) {
        throw new IllegalArgumentException("a status chunk after the last status");
      }
      int take = Math.min(chunk.capacity(), left);
      for (int i = 0; i < take; i++) {
        PacketStatus status = chunk.status(i);
        if (!status.isReceived()) {
          continue;
        }
        if (delta == receiveDeltas.size()) {
          throw new IllegalArgumentException(
              "fewer receive deltas (" + receiveDeltas.size() + ") than received packets");
        }
        int value = receiveDeltas.get(delta++);
        boolean fits =
            status == PacketStatus.RECEIVED_SMALL_DELTA
                ? value >= 0 && value <= 0xFF
                : value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
        if (!fits) {
          throw new IllegalArgumentException("delta " + value + " does not fit " + status);
        }
      }
      left -= take;
    }
    if (left != 0) {
      throw new IllegalArgumentException(
          "chunks cover " + (packetStatusCount - left) + " of " + packetStatusCount + " statuses");
    }
    if (delta != receiveDeltas.size()) {
      throw new IllegalArgumentException(
          "more receive deltas (" + receiveDeltas.size() + ") than received packets");
    }
  }

  /**
   * The first {@code count} statuses of {@code chunks}, which must cover exactly {@code count}: no
   * chunk may follow the one that reaches it.
   */
  private static List<PacketStatus> expand(List<PacketStatusChunk> chunks, int count) {
    List<PacketStatus> statuses = new ArrayList<>(count);
    for (PacketStatusChunk chunk : chunks) {
      if (statuses.size() == count) {
        throw new IllegalArgumentException("a status chunk after the last status");
      }
      int take = Math.min(chunk.capacity(), count - statuses.size());
      for (int i = 0; i < take; i++) {
        statuses.add(chunk.status(i));
      }
    }
    if (statuses.size() != count) {
      throw new IllegalArgumentException(
          "chunks cover " + statuses.size() + " of " + count + " statuses");
    }
    return statuses;
  }

  /**
   * Parses the one transport-wide feedback packet that is exactly {@code data[offset, +length)}.
   */
  public static TransportCc parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.RTPFB, FORMAT);
    ByteReader in = header.body;
    long sender = in.u32();
    long media = in.u32();
    int base = in.u16();
    int count = in.u16();
    int reference = in.u24();
    int feedbackCount = in.u8();
    List<PacketStatusChunk> chunks = new ArrayList<>();
    List<PacketStatus> statuses = new ArrayList<>(Math.min(count, 4 * in.remaining()));
    while (statuses.size() < count) {
      int position = in.position();
      PacketStatusChunk chunk = PacketStatusChunk.fromBits(in.u16(), position);
      chunks.add(chunk);
      int take = Math.min(chunk.capacity(), count - statuses.size());
      for (int i = 0; i < take; i++) {
        statuses.add(chunk.status(i));
      }
    }
    List<Integer> deltas = new ArrayList<>();
    for (PacketStatus status : statuses) {
      if (status == PacketStatus.RECEIVED_SMALL_DELTA) {
        deltas.add(in.u8());
      } else if (status == PacketStatus.RECEIVED_LARGE_DELTA) {
        deltas.add((int) (short) in.u16());
      }
    }
    // The draft's zero padding to 32 bits, when the sender did not use RTCP padding.
    if (in.remaining() > 3) {
      throw new ParseException(in.remaining() + " bytes after the receive deltas", in.position());
    }
    while (in.hasRemaining()) {
      int position = in.position();
      if (in.u8() != 0) {
        throw new ParseException("padding after the receive deltas is not zero", position);
      }
    }
    return new TransportCc(sender, media, base, count, reference, feedbackCount, chunks, deltas);
  }

  /** The status of each reported sequence number, from the base on. */
  public List<PacketStatus> statuses() {
    return expand(chunks, packetStatusCount);
  }

  /** What the feedback says of each reported sequence number, from the base on. */
  public List<PacketResult> packetResults() {
    List<PacketStatus> statuses = statuses();
    List<PacketResult> results = new ArrayList<>(statuses.size());
    long time = (long) referenceTime * REFERENCE_TIME_MICROS;
    int delta = 0;
    for (int i = 0; i < statuses.size(); i++) {
      PacketStatus status = statuses.get(i);
      int sequenceNumber = (baseSequenceNumber + i) & 0xFFFF;
      if (status.isReceived()) {
        time += (long) receiveDeltas.get(delta++) * DELTA_TICK_MICROS;
        results.add(new PacketResult(sequenceNumber, status, time));
      } else {
        results.add(new PacketResult(sequenceNumber, status, 0));
      }
    }
    return results;
  }

  @Override
  public int packetType() {
    return RtcpPacketType.RTPFB;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, FORMAT, RtcpPacketType.RTPFB);
    out.u32(senderSsrc).u32(mediaSsrc).u16(baseSequenceNumber).u16(packetStatusCount);
    out.u24(referenceTime).u8(feedbackPacketCount);
    for (PacketStatusChunk chunk : chunks) {
      out.u16(chunk.toBits());
    }
    int left = packetStatusCount;
    int delta = 0;
    for (PacketStatusChunk chunk : chunks) {
      int take = Math.min(chunk.capacity(), left);
      for (int i = 0; i < take; i++) {
        PacketStatus status = chunk.status(i);
        if (status == PacketStatus.RECEIVED_SMALL_DELTA) {
          out.u8(receiveDeltas.get(delta++));
        } else if (status == PacketStatus.RECEIVED_LARGE_DELTA) {
          out.u16(receiveDeltas.get(delta++));
        }
      }
      left -= take;
    }
    RtcpHeader.endPadded(out, start, FORMAT, RtcpPacketType.RTPFB);
  }

  /**
   * Builds transport-wide feedback from per-packet results, in sequence number order from the base,
   * and chooses the status chunks: a run length chunk for runs of 14 or more (or for the rest of
   * the packets, if they are all alike), else a one-bit vector of 14 if none of them needs a large
   * delta, else a run length chunk for a run of 7 or more, else a two-bit vector of 7.
   */
  public static final class Builder {
    private final long senderSsrc;
    private final long mediaSsrc;
    private final int baseSequenceNumber;
    private final int referenceTime;
    private final int feedbackPacketCount;
    private final List<PacketStatus> statuses = new ArrayList<>();
    private final List<Integer> deltas = new ArrayList<>();

    /** Feedback from {@code baseSequenceNumber} on, with these header fields. */
    public Builder(
        long senderSsrc,
        long mediaSsrc,
        int baseSequenceNumber,
        int referenceTime,
        int feedbackPacketCount) {
      this.senderSsrc = Unsigned.u32("sender SSRC", senderSsrc);
      this.mediaSsrc = Unsigned.u32("media SSRC", mediaSsrc);
      this.baseSequenceNumber = Unsigned.bits("base sequence number", baseSequenceNumber, 16);
      this.referenceTime = Unsigned.bits("reference time", referenceTime, 24);
      this.feedbackPacketCount = Unsigned.bits("feedback packet count", feedbackPacketCount, 8);
    }

    /**
     * The next sequence number arrived, {@code deltaTicks} 250 µs ticks after the one before (or
     * after the reference time, for the first): a small delta if 0 to 255, else a large one.
     *
     * @throws IllegalArgumentException if the delta is outside -32768 to 32767
     */
    public Builder received(int deltaTicks) {
      if (deltaTicks < Short.MIN_VALUE || deltaTicks > Short.MAX_VALUE) {
        throw new IllegalArgumentException("delta " + deltaTicks + " outside 16 bits");
      }
      add(
          deltaTicks >= 0 && deltaTicks <= 0xFF
              ? PacketStatus.RECEIVED_SMALL_DELTA
              : PacketStatus.RECEIVED_LARGE_DELTA);
      deltas.add(deltaTicks);
      return this;
    }

    /** The next sequence number did not arrive. */
    public Builder notReceived() {
      add(PacketStatus.NOT_RECEIVED);
      return this;
    }

    /** How many sequence numbers have been added. */
    public int packetCount() {
      return statuses.size();
    }

    private void add(PacketStatus status) {
      if (statuses.size() == 0xFFFF) {
        throw new IllegalStateException("at most 65535 packets per feedback");
      }
      statuses.add(status);
    }

    /** The feedback packet. */
    public TransportCc build() {
      List<PacketStatusChunk> chunks = new ArrayList<>();
      int n = statuses.size();
      int i = 0;
      while (i < n) {
        PacketStatus first = statuses.get(i);
        int run = 1;
        while (i + run < n
            && run < PacketStatusChunk.RunLength.MAX_RUN_LENGTH
            && statuses.get(i + run) == first) {
          run++;
        }
        int remaining = n - i;
        if (run >= 14 || run == remaining) {
          chunks.add(new PacketStatusChunk.RunLength(first, run));
          i += run;
          continue;
        }
        int window = Math.min(14, remaining);
        if (!statuses.subList(i, i + window).contains(PacketStatus.RECEIVED_LARGE_DELTA)) {
          chunks.add(new PacketStatusChunk.StatusVector(false, symbols(i, 14)));
          i += window;
        } else if (run >= 7) {
          chunks.add(new PacketStatusChunk.RunLength(first, run));
          i += run;
        } else {
          chunks.add(new PacketStatusChunk.StatusVector(true, symbols(i, 7)));
          i += Math.min(7, remaining);
        }
      }
      return new TransportCc(
          senderSsrc,
          mediaSsrc,
          baseSequenceNumber,
          n,
          referenceTime,
          feedbackPacketCount,
          chunks,
          deltas);
    }

    /** {@code size} statuses from {@code from}, filled up with NOT_RECEIVED past the last. */
    private List<PacketStatus> symbols(int from, int size) {
      List<PacketStatus> symbols = new ArrayList<>(size);
      for (int k = from; k < from + size; k++) {
        symbols.add(k < statuses.size() ? statuses.get(k) : PacketStatus.NOT_RECEIVED);
      }
      return symbols;
    }
  }
}
