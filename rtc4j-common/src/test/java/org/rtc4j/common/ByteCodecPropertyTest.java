package org.rtc4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests: QuickTheories with a fixed seed, so every run checks the same cases. */
class ByteCodecPropertyTest {
  static final long SEED = 0x5EED_2026L;

  @Test
  void whatTheWriterWritesTheReaderReads() {
    qt().withFixedSeed(SEED)
        .forAll(
            integers().between(0, 0xFF),
            integers().between(0, 0xFFFF),
            integers().between(0, 0xFFFFFF),
            longs().all())
        .checkAssert(
            (a, b, c, e) -> {
              int d = (int) (e * 31); // a fourth field without a fifth generator
              byte[] bytes =
                  ByteWriter.growable(0, 18).u8(a).u16(b).u24(c).u32(d).u64(e).toByteArray();
              ByteReader r = new ByteReader(bytes);
              try {
                assertEquals(a, r.u8());
                assertEquals(b, r.u16());
                assertEquals(c, r.u24());
                assertEquals(d, r.i32());
                assertEquals(e, r.i64());
              } catch (ParseException x) {
                throw new AssertionError(x);
              }
              assertEquals(0, r.remaining());
            });
  }

  @Test
  void readingPastTheEndIsAlwaysAParseExceptionAtTheCursor() {
    Gen<byte[]> data = byteArrays(0, 40);
    qt().withFixedSeed(SEED)
        .forAll(data, integers().between(0, 40), integers().between(0, 40))
        .checkAssert(
            (bytes, skip, want) -> {
              ByteReader r = new ByteReader(bytes);
              int skipped = Math.min(skip, bytes.length);
              try {
                r.skip(skipped);
                r.bytes(want);
                assertEquals(true, skipped + want <= bytes.length);
              } catch (ParseException e) {
                assertEquals(true, skipped + want > bytes.length);
                assertEquals(skipped, e.offset());
                assertEquals(skipped, r.position(), "a failed read consumes nothing");
              }
            });
  }

  /** Byte arrays of {@code min..max} bytes. */
  static Gen<byte[]> byteArrays(int min, int max) {
    return arrays()
        .ofIntegers(integers().between(0, 255))
        .withLengthBetween(min, max)
        .map(
            ints -> {
              byte[] out = new byte[ints.length];
              for (int i = 0; i < ints.length; i++) {
                out[i] = (byte) (int) ints[i];
              }
              return out;
            });
  }
}
