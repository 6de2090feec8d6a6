package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * Jazzer fuzz targets for the SCTP packet layer. Without {@code JAZZER_FUZZ} they run as ordinary
 * tests over the seeds in {@code SctpPacketFuzzTestInputs/<target>/}: packets of the Firefox
 * capture, a packet of every chunk type, and chunks cut from them.
 *
 * <p>To fuzz, one target at a time, from the repository root ({@code -am} builds rtc4j-common too,
 * so that Jazzer instruments its {@code ByteReader}):
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-sctp -am test \
 *     -Dtest='SctpPacketFuzzTest#parsePacket' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * <p>(or {@code #parseChunk}). Failing inputs land as {@code crash-<sha1>} in the target's seed
 * directory (git-ignored); once fixed, rename one to say what it is and commit it.
 */
class SctpPacketFuzzTest {
  /**
   * Parses arbitrary bytes as a packet, as they are and with the checksum field zeroed (mutations
   * break the CRC32c, and a zero checksum is acceptable here), so that the fuzzer reaches the
   * chunks. {@link ParseException} is the only refusal; a packet that parses writes back to bytes
   * that parse to the same packet, with and without a checksum, and those bytes are a fixed point.
   */
  @FuzzTest
  void parsePacket(byte[] data) {
    parseAndCheck(data);
    if (data.length >= SctpPacket.COMMON_HEADER_LENGTH) {
      byte[] zeroed = data.clone();
      Arrays.fill(zeroed, SctpPacket.CHECKSUM_OFFSET, SctpPacket.COMMON_HEADER_LENGTH, (byte) 0);
      parseAndCheck(zeroed);
    }
  }

  /**
   * Parses arbitrary bytes as a run of chunks, as a packet's body is read. {@link ParseException}
   * is the only refusal; each chunk that parses writes back to its padded length, parses back to
   * itself from those bytes alone, and writes the same bytes again.
   */
  @FuzzTest
  void parseChunk(byte[] data) {
    ByteReader in = new ByteReader(data);
    while (in.hasRemaining()) {
      int before = in.position();
      Chunk chunk;
      try {
        chunk = Chunk.parse(in);
      } catch (ParseException e) {
        assertTrue(e.offset() >= before && e.offset() <= data.length, e.getMessage());
        return;
      }
      int consumed = in.position() - before;
      assertTrue(consumed >= Chunk.HEADER_LENGTH && consumed % 4 == 0, "consumed " + consumed);
      assertChunkRoundTrips(chunk);
    }
  }

  private static void parseAndCheck(byte[] data) {
    SctpPacket packet;
    try {
      packet = SctpPacket.parse(data, 0, data.length, true);
    } catch (ParseException e) {
      assertEquals("refused: " + e.getMessage(), parseInsideLargerArray(data));
      return;
    }
    assertEquals(packet.toString(), parseInsideLargerArray(data));
    assertFalse(packet.chunks().isEmpty());
    for (Chunk chunk : packet.chunks()) {
      assertChunkRoundTrips(chunk);
    }
    byte[] withCrc = packet.toBytes(false);
    byte[] withZero = packet.toBytes(true);
    assertEquals(packet.length(), withCrc.length);
    assertTrue(withCrc.length <= data.length, "writing back never grows a packet");
    SctpPacket again = reparse(withCrc, false);
    assertEquals(packet, again);
    assertEquals(packet.hashCode(), again.hashCode());
    assertArrayEquals(withCrc, again.toBytes(false));
    assertEquals(packet, reparse(withZero, true));
  }

  private static void assertChunkRoundTrips(Chunk chunk) {
    byte[] bytes = chunk.toBytes();
    assertEquals(chunk.paddedLength(), bytes.length);
    ByteReader in = new ByteReader(bytes);
    Chunk again;
    try {
      again = Chunk.parse(in);
    } catch (ParseException e) {
      throw new AssertionError("cannot parse what was written: " + hex(bytes), e);
    }
    assertFalse(in.hasRemaining());
    assertEquals(chunk, again);
    assertEquals(chunk.hashCode(), again.hashCode());
    assertEquals(chunk.toString(), again.toString());
    assertArrayEquals(bytes, again.toBytes());
    inspect(chunk);
  }

  /** Calls what an association would call on {@code chunk}. */
  private static void inspect(Chunk chunk) {
    if (chunk instanceof UnknownChunk unknown) {
      UnrecognizedAction action = unknown.action();
      assertEquals(action.skips(), (unknown.type() & 0x80) != 0);
      if (action.reports()) {
        assertEquals(
            unknown.serializedLength(), UnrecognizedChunkTypeCause.of(unknown).chunk().length);
      }
    }
    List<Parameter> parameters = List.of();
    if (chunk instanceof InitChunk init) {
      parameters = init.parameters();
    } else if (chunk instanceof InitAckChunk ack) {
      parameters = ack.parameters();
    } else if (chunk instanceof HeartbeatRequestChunk request) {
      parameters = request.parameters();
      request.info();
    } else if (chunk instanceof HeartbeatAckChunk ack) {
      parameters = ack.parameters();
      ack.info();
    } else if (chunk instanceof ReConfigChunk reconfig) {
      parameters = reconfig.parameters();
    }
    for (Parameter p : parameters) {
      assertEquals(p.serializedLength() + Tlv.padding(p.serializedLength()), p.toBytes().length);
      if (p instanceof UnknownParameter unknown && unknown.action().reports()) {
        UnrecognizedParameterParameter.of(unknown).parameter();
      }
    }
  }

  private static SctpPacket reparse(byte[] bytes, boolean zeroChecksum) {
    try {
      return SctpPacket.parse(bytes, 0, bytes.length, zeroChecksum);
    } catch (ParseException e) {
      throw new AssertionError("cannot parse what was written: " + hex(bytes), e);
    }
  }

  /**
   * What parsing {@code data} gives when it sits between other bytes of a larger array: the
   * packet's {@code toString()}, or the refusal, which must be what parsing it alone gives.
   */
  private static String parseInsideLargerArray(byte[] data) {
    int offset = 5;
    byte[] larger = new byte[offset + data.length + 7];
    Arrays.fill(larger, (byte) 0x5A);
    System.arraycopy(data, 0, larger, offset, data.length);
    try {
      return SctpPacket.parse(larger, offset, data.length, true).toString();
    } catch (ParseException e) {
      return "refused: " + e.getMessage();
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
