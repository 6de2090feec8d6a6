package org.rtc4j.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rtc4j.common.ParseException;

/**
 * Property tests of {@link RtpWriter} and {@link RtpPacket}: QuickTheories with a fixed seed, so
 * every run checks the same cases.
 */
class RtpPropertyTest {
  static final long SEED = 0x5EED_2026L;

  /**
   * A packet written from random fields, CSRCs, extension elements (of any id and length, so either
   * form), payload and padding reads back as exactly those.
   */
  @Test
  void whatTheWriterWritesTheViewReads() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              int payloadType = random.nextInt(128);
              int sequence = random.nextInt(65536);
              long timestamp = random.nextLong(1L << 32);
              long ssrc = random.nextLong(1L << 32);
              boolean marker = random.nextBoolean();
              long[] csrcs = new long[random.nextInt(16)];
              for (int i = 0; i < csrcs.length; i++) {
                csrcs[i] = random.nextLong(1L << 32);
              }
              boolean small = random.nextBoolean(); // mostly elements that fit one-byte headers
              int[] ids = new int[random.nextInt(8)];
              byte[][] values = new byte[ids.length][];
              for (int i = 0; i < ids.length; i++) {
                ids[i] = small ? 1 + random.nextInt(14) : 1 + random.nextInt(255);
                values[i] = bytes(random, small ? 1 + random.nextInt(16) : random.nextInt(256));
              }
              boolean twoByte = random.nextInt(4) == 0;
              byte[] payload = bytes(random, random.nextInt(1300));
              int padding = random.nextInt(3) == 0 ? 1 + random.nextInt(255) : 0;

              byte[] buffer = new byte[4000];
              RtpWriter writer =
                  new RtpWriter()
                      .start(buffer, 3, buffer.length - 3)
                      .payloadType(payloadType)
                      .sequenceNumber(sequence)
                      .timestamp(timestamp)
                      .ssrc(ssrc)
                      .marker(marker);
              for (long csrc : csrcs) {
                writer.csrc(csrc);
              }
              if (twoByte) {
                writer.twoByteExtensions(0);
              }
              for (int i = 0; i < ids.length; i++) {
                writer.extension(ids[i], values[i], 0, values[i].length);
              }
              writer.payload(payload, 0, payload.length);
              if (padding > 0) {
                writer.padding(padding);
              }
              int length = writer.finish();

              RtpPacket packet = new RtpPacket();
              try {
                packet.wrap(buffer, 3, length);
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
              assertEquals(payloadType, packet.payloadType());
              assertEquals(sequence, packet.sequenceNumber());
              assertEquals(timestamp, packet.timestamp());
              assertEquals(ssrc, packet.ssrc());
              assertEquals(marker, packet.marker());
              assertEquals(csrcs.length, packet.csrcCount());
              for (int i = 0; i < csrcs.length; i++) {
                assertEquals(csrcs[i], packet.csrc(i));
              }
              assertEquals(ids.length > 0, packet.hasExtension());
              assertEquals(ids.length, packet.extensionCount());
              HeaderExtensions ext = packet.extensions();
              for (int i = 0; i < ids.length; i++) {
                assertTrue(ext.next());
                assertEquals(ids[i], ext.id());
                assertArrayEquals(
                    values[i],
                    Arrays.copyOfRange(buffer, ext.offset(), ext.offset() + ext.length()));
              }
              assertFalse(ext.next());
              assertArrayEquals(
                  payload,
                  Arrays.copyOfRange(
                      buffer, packet.payloadOffset(), packet.payloadOffset() + payload.length));
              assertEquals(payload.length, packet.payloadLength());
              assertEquals(padding, packet.paddingLength());
              assertEquals(0, packet.headerLength() % 4);
              // What the view reads, the writer writes back byte for byte.
              assertArrayEquals(Arrays.copyOfRange(buffer, 3, 3 + length), Rewrite.of(packet));
            });
  }

  /**
   * Any bytes either wrap, with a consistent layout, or throw {@link ParseException}; and what
   * wraps, rewritten, wraps to the same fields.
   */
  @Test
  void anyBytesWrapConsistentlyOrThrowParseException() {
    qt().withFixedSeed(SEED)
        .withExamples(5000)
        .forAll(rtpLike())
        .checkAssert(
            bytes -> {
              RtpPacket packet = new RtpPacket();
              try {
                packet.wrap(bytes, 0, bytes.length);
              } catch (ParseException e) {
                assertFalse(packet.isWrapped());
                return;
              }
              assertEquals(
                  bytes.length,
                  packet.headerLength() + packet.payloadLength() + packet.paddingLength());
              assertTrue(packet.payloadLength() >= 0);
              HeaderExtensions ext = packet.extensions();
              int count = 0;
              while (ext.next()) {
                count++;
                assertTrue(ext.offset() >= packet.extensionOffset());
                assertTrue(
                    ext.offset() + ext.length()
                        <= packet.extensionOffset() + packet.extensionLength());
              }
              assertEquals(packet.extensionCount(), count);
              byte[] again = Rewrite.of(packet);
              RtpPacket copy = new RtpPacket();
              try {
                copy.wrap(again, 0, again.length);
              } catch (ParseException e) {
                throw new AssertionError("rewritten packet does not wrap: " + Hex.hex(again), e);
              }
              assertEquals(packet.sequenceNumber(), copy.sequenceNumber());
              assertEquals(packet.extensionCount(), copy.extensionCount());
              assertEquals(packet.payloadLength(), copy.payloadLength());
              assertEquals(packet.paddingLength(), copy.paddingLength());
            });
  }

  /** Random bytes that start like RTP often enough to get past the version check. */
  private static Gen<byte[]> rtpLike() {
    return arrays()
        .ofIntegers(integers().between(0, 255))
        .withLengthBetween(0, 80)
        .map(
            ints -> {
              byte[] out = new byte[ints.length];
              for (int i = 0; i < ints.length; i++) {
                out[i] = (byte) (int) ints[i];
              }
              if (out.length > 0 && (out.length & 1) == 0) {
                out[0] = (byte) (0x80 | (out[0] & 0x3F)); // version 2
              }
              if (out.length > 13 && (out.length & 2) == 0) {
                out[12] = (byte) 0xBE; // the one-byte profile, if X is set
                out[13] = (byte) 0xDE;
              }
              return out;
            });
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
