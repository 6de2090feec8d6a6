package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpWriter;

/** The sample builder: reordering, loss, duplicates, wrap, bound. */
class SampleBuilderTest {

  /** One RTP packet of a test stream. */
  record Packet(int sequence, long timestamp, boolean marker, byte[] payload, int frame) {}

  /** A VP8 stream of {@code frames} frames, sequence numbers from {@code firstSequence}. */
  static List<Packet> vp8Stream(
      SplittableRandom random, int frames, int firstSequence, List<byte[]> data, int maxSize) {
    Vp8Packetizer packetizer = new Vp8Packetizer(random.nextInt(0x8000));
    List<Packet> out = new ArrayList<>();
    int sequence = firstSequence;
    long timestamp = random.nextLong(1L << 32);
    for (int f = 0; f < frames; f++) {
      byte[] frame = Payloads.randomBytes(random, 1 + random.nextInt(maxSize));
      frame[0] = (byte) (f == 0 ? 0x10 : 0x11); // a keyframe first, then inter frames
      data.add(frame);
      List<byte[]> payloads = packetizer.packetize(frame, 100);
      for (int i = 0; i < payloads.size(); i++) {
        out.add(
            new Packet(
                sequence, timestamp, i == payloads.size() - 1, payloads.get(i), data.size() - 1));
        sequence = (sequence + 1) & 0xFFFF;
      }
      timestamp = (timestamp + 3000) & 0xFFFF_FFFFL;
    }
    return out;
  }

  static void push(SampleBuilder builder, Packet p) {
    builder.push(p.sequence(), p.timestamp(), p.marker(), p.payload(), 0, p.payload().length);
  }

  static List<Sample> drain(SampleBuilder builder) {
    List<Sample> out = new ArrayList<>();
    for (Sample s; (s = builder.poll()) != null; ) {
      out.add(s);
    }
    return out;
  }

  @Test
  void inOrderFramesComeOutWhole() {
    SplittableRandom random = new SplittableRandom(1);
    List<byte[]> data = new ArrayList<>();
    List<Packet> stream = vp8Stream(random, 20, 100, data, 500);
    SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 64);
    List<Sample> samples = new ArrayList<>();
    for (Packet p : stream) {
      push(builder, p);
      samples.addAll(drain(builder));
    }
    assertEquals(20, samples.size());
    for (int i = 0; i < 20; i++) {
      assertArrayEquals(data.get(i), samples.get(i).data());
      assertEquals(i == 0, samples.get(i).keyframe());
    }
    assertEquals(100, samples.get(0).firstSequenceNumber());
    assertEquals(0, builder.drops().total());
    assertEquals(0, builder.droppedFrames());
  }

  @Test
  void aFrameComesOutAsSoonAsItsLastPacketArrives() {
    List<byte[]> data = new ArrayList<>();
    List<Packet> stream = vp8Stream(new SplittableRandom(2), 2, 7, data, 250);
    SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 16);
    int firstFrameEnd = 0;
    while (!stream.get(firstFrameEnd).marker()) {
      firstFrameEnd++;
    }
    // Everything but the first frame's last packet: nothing yet.
    for (int i = 0; i < stream.size(); i++) {
      if (i != firstFrameEnd) {
        push(builder, stream.get(i));
      }
    }
    assertNull(builder.poll());
    push(builder, stream.get(firstFrameEnd));
    List<Sample> samples = drain(builder);
    assertEquals(2, samples.size());
    assertEquals(firstFrameEnd + 1, samples.get(0).packetCount());
    assertEquals(7 + firstFrameEnd, samples.get(0).lastSequenceNumber());
  }

  @Test
  void sequenceNumbersWrap() {
    List<byte[]> data = new ArrayList<>();
    List<Packet> stream = vp8Stream(new SplittableRandom(3), 30, 65500, data, 400);
    assertTrue(stream.get(stream.size() - 1).sequence() < 1000);
    SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 32);
    List<Sample> samples = new ArrayList<>();
    // Swap neighbours, so that the wrap also comes out of order.
    for (int i = 0; i + 1 < stream.size(); i += 2) {
      push(builder, stream.get(i + 1));
      push(builder, stream.get(i));
      samples.addAll(drain(builder));
    }
    if (stream.size() % 2 == 1) {
      push(builder, stream.get(stream.size() - 1));
    }
    samples.addAll(drain(builder));
    assertEquals(30, samples.size());
    for (int i = 0; i < 30; i++) {
      assertArrayEquals(data.get(i), samples.get(i).data());
    }
    assertEquals(0, builder.drops().total());
  }

  @Test
  void aLostPacketDropsItsFrameOnceTheBufferIsFull() {
    List<byte[]> data = new ArrayList<>();
    List<Packet> stream = vp8Stream(new SplittableRandom(4), 40, 0, data, 300);
    int lost = 0;
    while (stream.get(lost).frame() != 5 || stream.get(lost).marker()) {
      lost++; // a packet of frame 5 that is not its last
    }
    SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 20);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < stream.size(); i++) {
      if (i == lost) {
        continue;
      }
      push(builder, stream.get(i));
      samples.addAll(drain(builder));
      if (i > lost && i < lost + 20) {
        // Waiting for it while the buffer has room: nothing after frame 4 comes out.
        assertEquals(5, samples.size(), "at packet " + i);
      }
    }
    assertEquals(39, samples.size());
    assertEquals(1, builder.droppedFrames());
    assertTrue(builder.drops().get(SampleDrop.INCOMPLETE_FRAME) >= 1);
    for (int i = 0, f = 0; i < samples.size(); i++, f++) {
      if (f == 5) {
        f++;
      }
      assertArrayEquals(data.get(f), samples.get(i).data());
    }
  }

  @Test
  void duplicatesAndLatePacketsAreDroppedAndCounted() {
    List<byte[]> data = new ArrayList<>();
    List<Packet> stream = vp8Stream(new SplittableRandom(5), 3, 1000, data, 150);
    SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 16);
    push(builder, stream.get(1));
    push(builder, stream.get(1)); // still in the buffer: a duplicate
    for (Packet p : stream) {
      push(builder, p);
    }
    List<Sample> samples = drain(builder);
    assertEquals(3, samples.size());
    push(builder, stream.get(0)); // its frame came out: late
    assertNull(builder.poll());
    assertEquals(2, builder.drops().get(SampleDrop.DUPLICATE));
    assertEquals(1, builder.drops().get(SampleDrop.LATE));
    assertEquals(0, builder.droppedFrames());
  }

  @Test
  void packetsBeforeTheFirstOneAreWaitedFor() {
    List<byte[]> data = new ArrayList<>();
    List<Packet> stream = vp8Stream(new SplittableRandom(6), 2, 5, data, 300);
    SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 16);
    for (int i = stream.size() - 1; i >= 0; i--) {
      push(builder, stream.get(i));
    }
    List<Sample> samples = drain(builder);
    assertEquals(2, samples.size());
    assertArrayEquals(data.get(0), samples.get(0).data());
  }

  @Test
  void theBufferNeverSpansMoreThanMaxPackets() {
    List<byte[]> data = new ArrayList<>();
    List<Packet> stream = vp8Stream(new SplittableRandom(7), 200, 0, data, 250);
    SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), 10);
    int lost = 0;
    while (stream.get(lost).frame() != 1 || stream.get(lost).marker()) {
      lost++; // a packet of frame 1 that is not its last
    }
    for (int i = 0; i < stream.size(); i++) {
      if (i == lost) {
        continue;
      }
      push(builder, stream.get(i));
      List<Sample> samples = drain(builder);
      for (Sample s : samples) {
        // Whatever comes out is at most 9 packets behind the newest.
        assertTrue(((stream.get(i).sequence() - s.lastSequenceNumber()) & 0xFFFF) < 10);
      }
    }
    assertEquals(1, builder.droppedFrames());
  }

  /** H.264 in mode 0 without marker bits: a timestamp change ends each frame. */
  @Test
  void aTimestampChangeEndsAFrameWithoutMarker() throws ParseException {
    SampleBuilder builder = new SampleBuilder(new H264Depacketizer(), 16);
    byte[] sps = {0x67, 0x42};
    byte[] idr = {0x65, 0x01};
    byte[] slice = {0x41, 0x02};
    builder.push(1, 100, false, sps, 0, 2);
    builder.push(2, 100, false, idr, 0, 2);
    assertNull(builder.poll());
    builder.push(3, 200, false, slice, 0, 2);
    Sample first = builder.poll();
    assertEquals(2, first.packetCount());
    assertTrue(first.keyframe());
    assertArrayEquals(new H264Depacketizer().depacketize(List.of(sps, idr)), first.data());
    assertNull(builder.poll());
    builder.push(4, 200, true, slice, 0, 2);
    Sample second = builder.poll();
    assertEquals(2, second.packetCount());
    assertFalse(second.keyframe());
  }

  @Test
  void malformedPayloadsAndFramesAreDropped() {
    SampleBuilder builder = new SampleBuilder(new H264Depacketizer(), 16);
    builder.push(1, 50, true, new byte[0], 0, 0); // no NAL unit header: a frame of its own
    builder.push(2, 100, false, new byte[] {0x7c, (byte) 0x85, 1}, 0, 3); // FU-A start
    builder.push(3, 100, true, new byte[] {0x41, 2}, 0, 2); // interrupts it
    builder.push(4, 200, true, new byte[] {0x41, 3}, 0, 2);
    List<Sample> samples = drain(builder);
    assertEquals(3, builder.drops().get(SampleDrop.MALFORMED));
    assertEquals(2, builder.droppedFrames());
    assertEquals(1, samples.size());
    assertEquals(200, samples.get(0).timestamp());
    // A malformed packet in the middle of a frame drops the frame without waiting.
    builder.push(5, 300, false, new byte[] {0x41, 4}, 0, 2);
    builder.push(6, 300, false, new byte[] {0x7a}, 0, 1); // STAP-B: not in mode 0 or 1
    builder.push(8, 400, true, new byte[] {0x41, 5}, 0, 2);
    assertNull(builder.poll()); // 7 is missing: 300's frame is dropped, 400's waits
    builder.push(7, 300, true, new byte[] {0x41, 6}, 0, 2);
    assertEquals(400, builder.poll().timestamp());
    // 6 itself, and 5 for being in its frame; 7 came after its frame was given up.
    assertEquals(5, builder.drops().get(SampleDrop.MALFORMED));
    assertEquals(1, builder.drops().get(SampleDrop.INCOMPLETE_FRAME));
    assertEquals(3, builder.droppedFrames());
  }

  @Test
  void audioPacketsAreEachAFrame() {
    SampleBuilder builder = new SampleBuilder(new OpusDepacketizer(), 8);
    builder.push(10, 960, false, new byte[] {0x78, 1}, 0, 2);
    builder.push(12, 2880, false, new byte[] {0x78, 3}, 0, 2);
    builder.push(11, 1920, true, new byte[] {0x78, 2}, 0, 2);
    List<Sample> samples = drain(builder);
    assertEquals(List.of(960L, 1920L, 2880L), samples.stream().map(Sample::timestamp).toList());
  }

  @Test
  void takesPacketsFromTheRtpView() throws ParseException {
    byte[] buffer = new byte[100];
    int length =
        new RtpWriter()
            .start(buffer, 0, buffer.length)
            .payloadType(111)
            .sequenceNumber(65535)
            .timestamp(4_000_000_000L)
            .ssrc(1)
            .marker(true)
            .payload(new byte[] {0x78, 9}, 0, 2)
            .finish();
    SampleBuilder builder = new SampleBuilder(new OpusDepacketizer(), 8);
    builder.push(new RtpPacket().wrap(buffer, 0, length));
    Sample sample = builder.poll();
    assertEquals(4_000_000_000L, sample.timestamp());
    assertEquals(65535, sample.firstSequenceNumber());
    assertArrayEquals(new byte[] {0x78, 9}, sample.data());
  }

  @Test
  void badArgumentsAreTheCallersBug() {
    assertThrows(
        IllegalArgumentException.class, () -> new SampleBuilder(new OpusDepacketizer(), 0));
    SampleBuilder builder = new SampleBuilder(new OpusDepacketizer(), 8);
    assertThrows(
        IllegalArgumentException.class, () -> builder.push(65536, 0, true, new byte[1], 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> builder.push(0, 1L << 32, true, new byte[1], 0, 1));
  }

  /**
   * Random streams, reordered by less than the buffer less a frame, with losses and duplicates:
   * what comes out is the sent frames, in order, exactly those none of whose packets was lost, and
   * each frame that lost only some of its packets counts as one dropped frame.
   */
  @Test
  void reorderingLossAndDuplicates() {
    qt().withFixedSeed(0x5A3BL)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              // The buffer holds a whole frame (at most 5 packets here) and the reordering.
              int capacity = 16 + random.nextInt(112);
              List<byte[]> data = new ArrayList<>();
              List<Packet> stream =
                  vp8Stream(random, 20 + random.nextInt(60), random.nextInt(65536), data, 400);
              // A tail of frames sent in order, without loss, that pushes everything out.
              int lossless = stream.size();
              double lossRate = random.nextDouble() * 0.2;
              List<Packet> sent = new ArrayList<>();
              Set<Integer> lostFrames = new HashSet<>();
              Set<Integer> receivedFrames = new HashSet<>();
              for (Packet p : stream) {
                if (random.nextDouble() < lossRate) {
                  lostFrames.add(p.frame());
                } else {
                  sent.add(p);
                  receivedFrames.add(p.frame());
                  if (random.nextInt(10) == 0) {
                    sent.add(p);
                  }
                }
              }
              int displacement = 1 + random.nextInt(capacity / 4);
              // The first packet comes first: nothing tells a receiver of packets before it.
              for (int i = 1; i < sent.size(); i += displacement) {
                Collections.shuffle(
                    sent.subList(i, Math.min(sent.size(), i + displacement)),
                    new java.util.Random(random.nextLong()));
              }
              SampleBuilder builder = new SampleBuilder(new Vp8Depacketizer(), capacity);
              List<Sample> samples = new ArrayList<>();
              for (Packet p : sent) {
                push(builder, p);
                samples.addAll(drain(builder));
              }
              // Flush: more frames than the buffer holds, in order.
              Packet last = stream.get(lossless - 1);
              List<byte[]> tailData = new ArrayList<>();
              for (Packet p :
                  vp8Stream(random, capacity + 1, (last.sequence() + 1) & 0xFFFF, tailData, 50)) {
                push(
                    builder,
                    new Packet(
                        p.sequence(),
                        (last.timestamp() + 3000L * (p.frame() + 1)) & 0xFFFF_FFFFL,
                        p.marker(),
                        p.payload(),
                        data.size() + p.frame()));
                samples.addAll(drain(builder));
              }
              List<byte[]> expected = new ArrayList<>();
              long partial = 0;
              for (int f = 0; f < data.size(); f++) {
                if (!lostFrames.contains(f)) {
                  expected.add(data.get(f));
                } else if (receivedFrames.contains(f)) {
                  partial++;
                }
              }
              // The flush frames all come out but the last one or more, whose end is not forced.
              assertTrue(samples.size() >= expected.size());
              for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), samples.get(i).data(), "frame " + i);
              }
              for (int i = expected.size(); i < samples.size(); i++) {
                assertArrayEquals(tailData.get(i - expected.size()), samples.get(i).data());
              }
              assertEquals(partial, builder.droppedFrames());
            });
  }
}
