package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rtc4j.common.ParseException;
import org.rtc4j.sctp.common.Data;

/**
 * Bundling (RFC 9260 §6.10): the builder packs chunks in the order given into packets that never
 * exceed the limit, and a chunk that does not fit leaves the packet as it was.
 */
class PacketBuilderTest {
  private static final long SEED = 0x5C7F_2026L;

  @Test
  void packetsNeverExceedTheLimitAndKeepTheChunksInOrder() {
    Gen<List<Integer>> sizes = lists().of(integers().between(0, 4 * 1600)).ofSizeBetween(0, 40);
    qt().withFixedSeed(SEED)
        .withExamples(400)
        .forAll(integers().between(16, 1500), sizes)
        .checkAssert(
            (maxLength, codes) -> {
              List<Chunk> chunks = new ArrayList<>();
              for (int code : codes) {
                chunks.add(chunk(code));
              }
              packAndCheck(maxLength, chunks);
            });
  }

  /** Packs {@code chunks} as an association would, then checks every packet it got. */
  private static void packAndCheck(int maxLength, List<Chunk> chunks) {
    PacketBuilder builder = new PacketBuilder(5000, 5000, 42, maxLength);
    List<byte[]> packets = new ArrayList<>();
    List<Chunk> sent = new ArrayList<>();
    for (Chunk chunk : chunks) {
      boolean fits = chunk.serializedLength() <= builder.remaining();
      int lengthBefore = builder.length();
      if (builder.add(chunk)) {
        assertTrue(fits, "added though longer than remaining(): " + chunk);
        sent.add(chunk);
      } else {
        assertFalse(fits, "refused though remaining() had room: " + chunk);
        assertEquals(lengthBefore, builder.length(), "a refused chunk changed nothing");
        if (!builder.isEmpty()) {
          packets.add(builder.build(false));
          if (builder.add(chunk)) {
            sent.add(chunk);
          }
        }
      }
      assertEquals(0, builder.remaining() % 4);
      assertTrue(builder.length() + builder.remaining() <= maxLength);
    }
    if (!builder.isEmpty()) {
      packets.add(builder.build(false));
    }
    List<Chunk> received = new ArrayList<>();
    for (byte[] packet : packets) {
      assertTrue(packet.length <= maxLength, packet.length + " > " + maxLength);
      try {
        received.addAll(SctpPacket.parse(packet, 0, packet.length, false).chunks());
      } catch (ParseException e) {
        throw new AssertionError(e);
      }
    }
    assertEquals(sent, received);
    // Only chunks too long for any packet were left out.
    for (Chunk chunk : chunks) {
      if (!sent.contains(chunk)) {
        assertTrue(chunk.paddedLength() > maxLength - SctpPacket.COMMON_HEADER_LENGTH);
      }
    }
  }

  /** A chunk of one of four kinds and a size in 0..1599, from {@code code}. */
  private static Chunk chunk(int code) {
    int size = code / 4;
    return switch (code % 4) {
      case 0 ->
          new DataChunk(
              code,
              new Data(1, size & 0xFFFF, 0, 0, 51, new byte[size + 1], true, true, false),
              false);
      case 1 -> new UnknownChunk(0x84, 0, new byte[size]);
      case 2 -> new SackChunk(code, 1000, List.of(), Collections.nCopies(size / 4, code));
      default -> size % 2 == 0 ? new CookieAckChunk() : new ShutdownChunk(code);
    };
  }

  @Test
  void remainingCountsThePaddingAChunkWillNeed() {
    // 100 - 12 = 88 bytes for chunks; a 5-byte COOKIE ECHO takes 8 of them.
    PacketBuilder builder = new PacketBuilder(1, 2, 3, 100);
    assertEquals(88, builder.remaining());
    assertTrue(builder.add(new CookieEchoChunk(new byte[1])));
    assertEquals(80, builder.remaining());
    assertEquals(20, builder.length());
    // A limit that is no multiple of 4 leaves only whole 4-byte steps usable.
    assertEquals(84, new PacketBuilder(1, 2, 3, 99).remaining());
  }

  @Test
  void aChunkThatDoesNotFitIsRefusedAndTheNextOneMayStillFit() {
    PacketBuilder builder = new PacketBuilder(1, 2, 3, 32);
    assertTrue(builder.add(new CookieEchoChunk(new byte[9]))); // 16 of the 20 bytes
    assertFalse(builder.add(new CookieEchoChunk(new byte[1]))); // 8 bytes
    assertEquals(List.of(new CookieEchoChunk(new byte[9])), builder.chunks());
    assertTrue(builder.add(new CookieAckChunk())); // 4 bytes
    assertEquals(0, builder.remaining());
    assertEquals(32, builder.build(true).length);
  }

  @Test
  void buildEmptiesTheBuilderAndANewTagAppliesToTheNextPacket() throws ParseException {
    PacketBuilder builder = new PacketBuilder(5000, 5001, 0, 1200);
    assertTrue(builder.isEmpty());
    assertThrows(IllegalStateException.class, () -> builder.build(false));
    builder.add(new InitChunk(7, 1000, 1, 1, 1, List.of()));
    SctpPacket init = parse(builder.build(false));
    assertEquals(0, init.verificationTag());
    assertTrue(builder.isEmpty());
    assertEquals(1188, builder.remaining());
    builder.verificationTag(0xABCD_EF01);
    builder.add(new CookieAckChunk());
    builder.add(new ShutdownChunk(3));
    SctpPacket next = parse(builder.build(false));
    assertEquals(0xABCD_EF01, next.verificationTag());
    assertEquals(5000, next.sourcePort());
    assertEquals(5001, next.destinationPort());
    assertEquals(List.of(new CookieAckChunk(), new ShutdownChunk(3)), next.chunks());
  }

  @Test
  void aLimitWithoutRoomForAnyChunkIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PacketBuilder(1, 2, 3, 15));
    assertThrows(IllegalArgumentException.class, () -> new PacketBuilder(-1, 2, 3, 1200));
  }

  private static SctpPacket parse(byte[] bytes) throws ParseException {
    return SctpPacket.parse(bytes, 0, bytes.length, false);
  }
}
