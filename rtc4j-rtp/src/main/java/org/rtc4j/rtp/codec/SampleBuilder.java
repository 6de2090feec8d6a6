package org.rtc4j.rtp.codec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.RtpPacket;

/**
 * Collects one RTP stream's packets, in whatever order they come, and gives back whole frames in
 * sequence-number order.
 *
 * <p>A frame is a run of consecutive sequence numbers with one timestamp, from a packet that can
 * start a frame ({@link Depacketizer#isFrameStart}, after the previous frame's end or a timestamp
 * change) to one that ends it ({@link Depacketizer#isFrameEnd}, the marker bit for video), or to
 * the last packet before the timestamp changes, if the marker was lost. A frame comes out once all
 * its packets are there and every frame before it came out or was dropped.
 *
 * <p>The buffer spans at most {@code maxPackets} sequence numbers: a packet that many or more ahead
 * of the oldest one it waits for makes it give up on the oldest ones, and drop the frames they were
 * part of. A packet behind what was already given up on is late and dropped. Every drop is counted,
 * by packet in {@link #drops()} and by frame in {@link #droppedFrames()}. Sequence numbers wrap
 * from 65535 to 0 as RFC 3550 §A.1 says.
 *
 * <pre>{@code
 * SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 256);
 * builder.push(packet);                         // for each RTP packet of the stream
 * for (Sample s; (s = builder.poll()) != null; ) {
 *   decoder.decode(s.data());
 * }
 * }</pre>
 *
 * <p>It copies each payload it keeps. Not thread-safe.
 */
public final class SampleBuilder {
  private static final long UNKNOWN = -1;

  private final Depacketizer depacketizer;
  private final Entry[] ring;
  private final DropCounts<SampleDrop> drops = new DropCounts<>(SampleDrop.class);
  private final ArrayDeque<Sample> ready = new ArrayDeque<>();
  private long droppedFrames;

  private boolean started;
  private boolean advanced; // whether head moved forward: a frame came out or was dropped
  private long head; // the extended sequence number of the oldest packet waited for
  private long highest; // the highest extended sequence number seen
  private long previousTimestamp = UNKNOWN; // of the last packet before head, if known
  private boolean previousEnded; // whether that packet ended its frame
  private long droppingTimestamp = UNKNOWN; // the frame whose packets are being dropped

  /**
   * A packet in the buffer. A malformed one stays as a placeholder without payload, so that its
   * frame is dropped at once instead of waiting for it.
   */
  private record Entry(
      long sequence, long timestamp, byte[] payload, boolean start, boolean end, boolean key) {
    boolean malformed() {
      return payload == null;
    }
  }

  /**
   * A builder of frames that {@code depacketizer} reads.
   *
   * @param maxPackets how many sequence numbers the buffer spans: the most packets it holds, and
   *     how far behind the newest packet it waits for a missing one; 1 to 32768
   * @throws IllegalArgumentException if {@code maxPackets} is out of range
   */
  public SampleBuilder(Depacketizer depacketizer, int maxPackets) {
    if (maxPackets < 1 || maxPackets > 0x8000) {
      throw new IllegalArgumentException("maxPackets out of range: " + maxPackets);
    }
    this.depacketizer = Objects.requireNonNull(depacketizer);
    this.ring = new Entry[maxPackets];
  }

  /** Adds the packet that {@code packet} views; its payload is copied. */
  public void push(RtpPacket packet) {
    push(
        packet.sequenceNumber(),
        packet.timestamp(),
        packet.marker(),
        packet.array(),
        packet.payloadOffset(),
        packet.payloadLength());
  }

  /**
   * Adds a packet: its sequence number, timestamp, marker bit and the payload in {@code
   * payload[offset, offset + length)}, which is copied. A packet that is late, a duplicate or
   * malformed is dropped and counted.
   *
   * @throws IllegalArgumentException if the sequence number or timestamp is out of range
   */
  public void push(
      int sequenceNumber, long timestamp, boolean marker, byte[] payload, int offset, int length) {
    if (sequenceNumber < 0
        || sequenceNumber > 0xFFFF
        || timestamp < 0
        || timestamp > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "sequence number " + sequenceNumber + " or timestamp " + timestamp + " out of range");
    }
    Objects.checkFromIndexSize(offset, length, payload.length);
    long sequence;
    if (!started) {
      // Start high enough that packets reordered before the first one still unwrap positively.
      sequence = (1L << 16) + sequenceNumber;
      started = true;
      head = sequence;
      highest = sequence;
    } else {
      sequence = highest + (short) (sequenceNumber - (int) (highest & 0xFFFF));
    }
    if (sequence < head) {
      if (advanced || highest - sequence >= ring.length) {
        drops.increment(SampleDrop.LATE);
        return;
      }
      head = sequence; // nothing came out yet: wait for this earlier packet too
    }
    Entry entry;
    try {
      entry =
          new Entry(
              sequence,
              timestamp,
              Arrays.copyOfRange(payload, offset, offset + length),
              depacketizer.isFrameStart(payload, offset, length),
              depacketizer.isFrameEnd(payload, offset, length, marker),
              depacketizer.isKeyframe(payload, offset, length));
    } catch (ParseException e) {
      entry = new Entry(sequence, timestamp, null, false, marker, false);
    }
    if (sequence >= head + ring.length) {
      giveUpBefore(sequence - ring.length + 1);
    }
    highest = Math.max(highest, sequence);
    int slot = slot(sequence);
    if (ring[slot] != null) {
      drops.increment(SampleDrop.DUPLICATE);
      return;
    }
    if (entry.malformed()) {
      drops.increment(SampleDrop.MALFORMED);
    }
    ring[slot] = entry;
  }

  /**
   * The next whole frame, in order, or {@code null} if it is not all there yet. Call it until it
   * returns {@code null} after each {@link #push}.
   */
  public Sample poll() {
    Sample sample = ready.poll();
    return sample != null ? sample : started ? next() : null;
  }

  /**
   * Takes the frame at head out, dropping first any packets there that cannot start one; or returns
   * {@code null} if head's packet or one of its frame's is still missing.
   */
  private Sample next() {
    while (true) {
      Entry first = ring[slot(head)];
      if (first == null) {
        return null;
      }
      boolean canStart =
          first.start()
              && (previousEnded
                  || previousTimestamp == UNKNOWN
                  || first.timestamp() != previousTimestamp);
      if (first.malformed()) {
        drop(first, null);
        continue;
      }
      if (!canStart) {
        drop(first, SampleDrop.INCOMPLETE_FRAME);
        continue;
      }
      long end = -1;
      for (long s = head; s < head + ring.length && end < 0; s++) {
        Entry e = ring[slot(s)];
        if (e == null) {
          return null; // a packet of the frame is still missing
        }
        if (e.timestamp() != first.timestamp()) {
          end = s - 1; // the marker was lost, but the next frame began
        } else if (e.malformed()) {
          end = -2; // the frame cannot be whole: drop it up to the malformed packet
          while (head < s) {
            drop(ring[slot(head)], SampleDrop.MALFORMED);
          }
          break;
        } else if (e.end()) {
          end = s;
        }
      }
      if (end == -2) {
        continue;
      }
      if (end < 0) {
        return null; // the frame fills the buffer and has not ended
      }
      Sample sample = assemble(first, end);
      if (sample != null) {
        return sample;
      }
    }
  }

  /** Takes the packets from head to {@code end} out as a frame, or drops them if malformed. */
  private Sample assemble(Entry first, long end) {
    List<byte[]> payloads = new ArrayList<>((int) (end - head + 1));
    boolean key = false;
    for (long s = head; s <= end; s++) {
      Entry e = ring[slot(s)];
      payloads.add(e.payload());
      key |= e.key();
    }
    byte[] data;
    try {
      data = depacketizer.depacketize(payloads);
    } catch (ParseException e) {
      while (head <= end) {
        drop(ring[slot(head)], SampleDrop.MALFORMED);
      }
      return null;
    }
    Entry last = ring[slot(end)];
    for (long s = head; s <= end; s++) {
      ring[slot(s)] = null;
    }
    head = end + 1;
    advanced = true;
    previousTimestamp = last.timestamp();
    previousEnded = true;
    droppingTimestamp = UNKNOWN;
    return new Sample(
        first.timestamp(), (int) (first.sequence() & 0xFFFF), payloads.size(), key, data);
  }

  /**
   * Moves head up to {@code limit}, to make room for a packet: frames that are whole come out (into
   * the queue {@link #poll} empties first), the others are dropped.
   */
  private void giveUpBefore(long limit) {
    long stop = Math.min(limit, head + ring.length);
    while (head < stop) {
      Sample sample = next();
      if (sample != null) {
        ready.add(sample);
        continue;
      }
      Entry e = ring[slot(head)];
      if (e != null) {
        drop(e, SampleDrop.INCOMPLETE_FRAME);
      } else {
        skipMissing();
      }
    }
    if (head < limit) {
      head = limit; // a jump beyond the whole buffer: nothing of it is left
      previousEnded = false;
    }
  }

  /** Moves head past a packet that never came: whether the next one starts a frame is unknown. */
  private void skipMissing() {
    head++;
    previousEnded = false;
    advanced = true;
  }

  /**
   * Drops {@code e}, the packet at head, and moves head past it; counts it for {@code reason}
   * unless that is {@code null} (a malformed packet, counted when it came).
   */
  private void drop(Entry e, SampleDrop reason) {
    ring[slot(e.sequence())] = null;
    if (reason != null) {
      drops.increment(reason);
    }
    if (droppingTimestamp != e.timestamp()) {
      droppedFrames++;
      droppingTimestamp = e.timestamp();
    }
    previousTimestamp = e.timestamp();
    previousEnded = e.end();
    head = e.sequence() + 1;
    advanced = true;
  }

  private int slot(long sequence) {
    return (int) (sequence % ring.length);
  }

  /** The packets dropped, by reason. */
  public DropCounts<SampleDrop> drops() {
    return drops;
  }

  /**
   * How many frames it dropped: frames of which some packet came but that never came out whole.
   * Frames of which no packet came at all are not counted.
   */
  public long droppedFrames() {
    return droppedFrames;
  }

  /** How many sequence numbers the buffer spans. */
  public int maxPackets() {
    return ring.length;
  }
}
