package org.rtc4j.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteReaderTest {
  private static final byte[] DATA = {
    (byte) 0xFF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, (byte) 0x80, 0x0A, 0x0B
  };

  @Test
  void readsBigEndianNumbers() throws ParseException {
    ByteReader r = new ByteReader(DATA);
    assertEquals(0xFF, r.u8());
    assertEquals(0x0102, r.u16());
    assertEquals(0x030405, r.u24());
    assertEquals(0x06070880L, r.u32());
    assertEquals(10, r.position());
    assertEquals(2, r.remaining());
  }

  @Test
  void readsSixtyFourBitsAsRawBits() throws ParseException {
    byte[] ones = new byte[8];
    java.util.Arrays.fill(ones, (byte) 0xFF);
    assertEquals(-1L, new ByteReader(ones).i64());
    assertEquals(0xFFFF_FFFF_FFFFL, new ByteReader(ones).u48());
  }

  @Test
  void staysInsideItsRegionAndReportsRegionOffsets() throws ParseException {
    ByteReader r = new ByteReader(DATA, 2, 3); // 02 03 04
    assertEquals(0x0203, r.u16());
    ParseException e = assertThrows(ParseException.class, r::u16);
    assertEquals(2, e.offset(), "offset counts from the region's start");
    assertEquals(0x04, r.u8(), "a failed read consumes nothing");
    assertFalse(r.hasRemaining());
  }

  @Test
  void sliceIsBoundedAndAdvancesTheParent() throws ParseException {
    ByteReader r = new ByteReader(DATA);
    r.skip(1);
    ByteReader s = r.slice(4);
    assertEquals(5, r.position());
    assertEquals(0x01020304L, s.u32());
    assertThrows(ParseException.class, s::u8);
    assertThrows(ParseException.class, () -> r.slice(100));
  }

  @Test
  void bytesCopiesAndRejectsNegativeOrTooLong() throws ParseException {
    ByteReader r = new ByteReader(DATA);
    byte[] first = r.bytes(2);
    first[0] = 0;
    assertEquals((byte) 0xFF, DATA[0]);
    assertThrows(ParseException.class, () -> r.bytes(-1));
    assertThrows(ParseException.class, () -> r.bytes(11));
    byte[] rest = new byte[10];
    r.read(rest);
    assertArrayEquals(java.util.Arrays.copyOfRange(DATA, 2, 12), rest);
  }

  @Test
  void seekAndPeekRespectBounds() throws ParseException {
    ByteReader r = new ByteReader(DATA, 4, 4);
    r.seek(3);
    assertEquals(0x07, r.u8());
    assertThrows(ParseException.class, () -> r.seek(5));
    assertEquals(0x04, r.peekU8(0));
    assertThrows(ParseException.class, () -> r.peekU8(4));
  }

  @Test
  void constructorRejectsRegionOutsideArray() {
    assertThrows(IndexOutOfBoundsException.class, () -> new ByteReader(DATA, 10, 3));
  }
}
