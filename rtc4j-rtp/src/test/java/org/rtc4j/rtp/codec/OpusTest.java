package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

/** Opus (RFC 7587): one Opus packet per RTP payload, as it is. */
class OpusTest {
  private final OpusPacketizer packetizer = new OpusPacketizer();
  private final OpusDepacketizer depacketizer = new OpusDepacketizer();

  @Test
  void roundTripOfRandomPackets() {
    qt().withFixedSeed(0x0915L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              byte[] frame = Payloads.randomBytes(random, 1 + random.nextInt(Payloads.MTU));
              List<byte[]> payloads = packetizer.packetize(frame, Payloads.MTU);
              assertEquals(1, payloads.size());
              assertArrayEquals(frame, payloads.get(0));
              try {
                assertArrayEquals(frame, depacketizer.depacketize(payloads));
                Payloads.assertFrameBoundaries(depacketizer, payloads, true);
                assertTrue(Payloads.at(depacketizer, payloads.get(0)).keyframe());
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  /** RFC 6716 §3.1: a TOC byte 0x78 (config 15, SILK/CELT hybrid FB 20 ms, mono, code 0). */
  @Test
  void knownPacketPassesThrough() throws ParseException {
    byte[] payload = Hex.bytes("78 0b e4 c1 36 ec c5 80");
    assertArrayEquals(payload, depacketizer.depacketize(List.of(payload)));
    assertTrue(depacketizer.isFrameStart(payload, 0, payload.length));
    assertTrue(depacketizer.isFrameEnd(payload, 0, payload.length, false));
  }

  @Test
  void packetTooLargeOrEmptyIsTheCallersBug() {
    assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(new byte[1201], 1200));
    assertThrows(IllegalArgumentException.class, () -> packetizer.packetize(new byte[0], 1200));
  }

  @Test
  void malformedPayloadsThrowParseException() {
    byte[] empty = new byte[0];
    assertThrows(ParseException.class, () -> depacketizer.depacketize(List.of(empty)));
    assertThrows(ParseException.class, () -> depacketizer.isFrameStart(empty, 0, 0));
    assertThrows(ParseException.class, () -> depacketizer.isKeyframe(empty, 0, 0));
    assertThrows(ParseException.class, () -> depacketizer.depacketize(List.of()));
    byte[] one = {0x78};
    assertThrows(ParseException.class, () -> depacketizer.depacketize(List.of(one, one)));
    assertEquals(1, Payloads.everyTruncation(depacketizer, List.of(Hex.bytes("78 0b e4"))));
  }
}
