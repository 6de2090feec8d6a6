package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rtc4j.rtp.rtcp.PacketStatus.NOT_RECEIVED;
import static org.rtc4j.rtp.rtcp.PacketStatus.RECEIVED_LARGE_DELTA;
import static org.rtc4j.rtp.rtcp.PacketStatus.RECEIVED_SMALL_DELTA;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.rtcp.PacketStatusChunk.RunLength;
import org.rtc4j.rtp.rtcp.PacketStatusChunk.StatusVector;

class TransportCcTest {
  /**
   * draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1, with all three kinds of chunk, both
   * delta sizes, and RTCP padding as libwebrtc writes it.
   */
  static final byte[] MIXED_CHUNKS =
      Hex.bytes(
          "af cd 0008" // V=2 P=1 FMT=15, PT=205, 8 words follow
              + "00000001" // SSRC of packet sender
              + "1a2b3c4d" // SSRC of media source
              + "0100 000f" // base sequence number 256, packet status count 15
              + "0013a1 05" // reference time 0x13a1 x 64 ms, feedback packet count 5
              + "d850" // two-bit vector: small, large, not, small, small, not, not
              + "0005" // run length: 5 x not received
              + "a800" // one-bit vector: small, not, small (the other 11 symbols unused)
              + "10 ff38 04 00 28 08" // deltas: 16, -200 (large), 4, 0, 40, 8 ticks of 250 us
              + "0000 03"); // RTCP padding: 3 bytes, the count last

  @Test
  void parsesAndWritesBack() throws ParseException {
    TransportCc fb = RtcpAssert.parsesAndWritesBack(MIXED_CHUNKS, TransportCc::parse);
    assertEquals(256, fb.baseSequenceNumber());
    assertEquals(15, fb.packetStatusCount());
    assertEquals(0x13a1, fb.referenceTime());
    assertEquals(5, fb.feedbackPacketCount());
    assertEquals(
        List.of(
            new StatusVector(
                true,
                List.of(
                    RECEIVED_SMALL_DELTA,
                    RECEIVED_LARGE_DELTA,
                    NOT_RECEIVED,
                    RECEIVED_SMALL_DELTA,
                    RECEIVED_SMALL_DELTA,
                    NOT_RECEIVED,
                    NOT_RECEIVED)),
            new RunLength(NOT_RECEIVED, 5),
            new StatusVector(
                false, oneBit(RECEIVED_SMALL_DELTA, NOT_RECEIVED, RECEIVED_SMALL_DELTA))),
        fb.chunks());
    assertEquals(List.of(16, -200, 4, 0, 40, 8), fb.receiveDeltas());
  }

  @Test
  void readsEachPacketsArrival() throws ParseException {
    TransportCc fb = TransportCc.parse(MIXED_CHUNKS, 0, MIXED_CHUNKS.length);
    List<TransportCc.PacketResult> results = fb.packetResults();
    assertEquals(15, results.size());
    long reference = 0x13a1 * 64_000L;
    assertEquals(
        new TransportCc.PacketResult(256, RECEIVED_SMALL_DELTA, reference + 4000), results.get(0));
    assertEquals(
        new TransportCc.PacketResult(257, RECEIVED_LARGE_DELTA, reference - 46_000),
        results.get(1));
    assertEquals(new TransportCc.PacketResult(258, NOT_RECEIVED, 0), results.get(2));
    assertEquals(reference - 45_000, results.get(3).receiveTimeMicros());
    assertEquals(reference - 45_000, results.get(4).receiveTimeMicros());
    for (int i = 5; i < 12; i++) {
      assertEquals(NOT_RECEIVED, results.get(i).status());
    }
    assertEquals(reference - 35_000, results.get(12).receiveTimeMicros());
    assertEquals(NOT_RECEIVED, results.get(13).status());
    assertEquals(
        new TransportCc.PacketResult(270, RECEIVED_SMALL_DELTA, reference - 33_000),
        results.get(14));
  }

  @Test
  void parsesTheDraftsZeroPaddingToo() throws ParseException {
    byte[] zeroPadded = MIXED_CHUNKS.clone();
    zeroPadded[0] = (byte) 0x8f; // no P bit
    zeroPadded[zeroPadded.length - 1] = 0; // the padding is three zeros
    TransportCc fb = TransportCc.parse(zeroPadded, 0, zeroPadded.length);
    assertEquals(TransportCc.parse(MIXED_CHUNKS, 0, MIXED_CHUNKS.length), fb);
    assertArrayEquals(MIXED_CHUNKS, fb.toByteArray(), "written back with RTCP padding");
    zeroPadded[zeroPadded.length - 2] = 1;
    assertThrows(ParseException.class, () -> TransportCc.parse(zeroPadded, 0, zeroPadded.length));
  }

  @Test
  void builderChoosesChunks() throws ParseException {
    // 20 small deltas: one run.
    TransportCc.Builder run = new TransportCc.Builder(1, 2, 65530, 0, 0);
    for (int i = 0; i < 20; i++) {
      run.received(i);
    }
    TransportCc runs = run.build();
    assertEquals(List.of(new RunLength(RECEIVED_SMALL_DELTA, 20)), runs.chunks());
    RtcpAssert.roundTrips(runs, TransportCc::parse);
    assertEquals(65535, runs.packetResults().get(5).sequenceNumber());
    assertEquals(0, runs.packetResults().get(6).sequenceNumber(), "wraps");

    // Small and lost mixed: one-bit vectors; a large delta: a two-bit vector.
    TransportCc.Builder mixed = new TransportCc.Builder(1, 2, 0, 0, 0);
    for (int i = 0; i < 14; i++) {
      if (i % 3 == 0) {
        mixed.notReceived();
      } else {
        mixed.received(1);
      }
    }
    mixed.received(300).notReceived().received(-1);
    TransportCc fb = mixed.build();
    assertEquals(2, fb.chunks().size());
    assertEquals(false, ((StatusVector) fb.chunks().get(0)).twoBit());
    StatusVector last = (StatusVector) fb.chunks().get(1);
    assertEquals(true, last.twoBit());
    assertEquals(
        List.of(
            RECEIVED_LARGE_DELTA,
            NOT_RECEIVED,
            RECEIVED_LARGE_DELTA,
            NOT_RECEIVED,
            NOT_RECEIVED,
            NOT_RECEIVED,
            NOT_RECEIVED),
        last.symbols());
    assertEquals(17, fb.packetStatusCount());
    RtcpAssert.roundTrips(fb, TransportCc::parse);
  }

  @Test
  void anEmptyFeedbackHasNoChunks() throws ParseException {
    TransportCc empty = new TransportCc.Builder(1, 2, 3, 4, 5).build();
    assertEquals(List.of(), empty.chunks());
    assertEquals(20, RtcpAssert.roundTrips(empty, TransportCc::parse).length);
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(MIXED_CHUNKS, TransportCc::parse);
    // A run length chunk of the reserved status 11.
    byte[] reservedRun = Hex.bytes("8f cd 0005 00000001 00000002 0000 0001 000000 00 6001 0000");
    assertThrows(ParseException.class, () -> TransportCc.parse(reservedRun, 0, 24));
    // A two-bit vector with the reserved symbol.
    byte[] reservedSymbol = Hex.bytes("8f cd 0005 00000001 00000002 0000 0001 000000 00 f000 0000");
    assertThrows(ParseException.class, () -> TransportCc.parse(reservedSymbol, 0, 24));
    // Two packets received with large deltas, and room for one.
    byte[] missingDelta = Hex.bytes("8f cd 0005 00000001 00000002 0000 0002 000000 00 4002 0100");
    assertThrows(ParseException.class, () -> TransportCc.parse(missingDelta, 0, 24));
    // A whole word after the deltas.
    byte[] extraWord =
        Hex.bytes("8f cd 0006 00000001 00000002 0000 0001 000000 00 2001 0100 00000000");
    assertThrows(ParseException.class, () -> TransportCc.parse(extraWord, 0, 28));
  }

  @Test
  void refusesInconsistentRecords() {
    List<PacketStatusChunk> one = List.of(new RunLength(RECEIVED_SMALL_DELTA, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new TransportCc(1, 2, 0, 1, 0, 0, one, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TransportCc(1, 2, 0, 1, 0, 0, one, List.of(1, 2)));
    assertThrows(
        IllegalArgumentException.class, () -> new TransportCc(1, 2, 0, 1, 0, 0, one, List.of(256)));
    assertThrows(
        IllegalArgumentException.class, () -> new TransportCc(1, 2, 0, 2, 0, 0, one, List.of(1)));
    List<PacketStatusChunk> extra = new ArrayList<>(one);
    extra.add(new RunLength(NOT_RECEIVED, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new TransportCc(1, 2, 0, 1, 0, 0, extra, List.of(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StatusVector(false, Collections.nCopies(7, NOT_RECEIVED)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new StatusVector(false, Collections.nCopies(14, RECEIVED_LARGE_DELTA)));
    assertThrows(IllegalArgumentException.class, () -> new RunLength(NOT_RECEIVED, 8192));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TransportCc.Builder(1, 2, 0, 0, 0).received(32768));
  }

  private static List<PacketStatus> oneBit(PacketStatus... first) {
    List<PacketStatus> symbols = new ArrayList<>(List.of(first));
    while (symbols.size() < 14) {
      symbols.add(NOT_RECEIVED);
    }
    return symbols;
  }
}
