package org.rtc4j.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ByteWriterTest {
  @Test
  void writesBigEndianFields() {
    ByteWriter w = ByteWriter.growable(0, 64);
    w.u8(0x1FF).u16(0x0102).u24(0x030405).u32(0x06070809L).u64(0x0A0B0C0D0E0F1011L).zeros(2);
    assertEquals("ff0102030405060708090a0b0c0d0e0f10110000", hex(w.toByteArray()));
  }

  @Test
  void patchesEarlierFields() {
    ByteWriter w = ByteWriter.growable(4, 16).u16(0).u32(0).u8(7);
    w.setU16(0, 0xBEEF).setU32(2, 0xCAFEBABEL);
    assertEquals("beefcafebabe07", hex(w.toByteArray()));
    assertThrows(IndexOutOfBoundsException.class, () -> w.setU32(4, 1));
  }

  @Test
  void growableStopsAtItsLimit() {
    ByteWriter w = ByteWriter.growable(2, 5);
    w.u32(1);
    assertEquals(1, w.remaining());
    assertThrows(IllegalStateException.class, () -> w.u16(1));
    w.u8(9);
    assertEquals(5, w.toByteArray().length);
  }

  @Test
  void fixedWriterWritesIntoTheCallersRegionOnly() {
    byte[] buf = new byte[8];
    ByteWriter w = ByteWriter.into(buf, 2, 4);
    w.u16(0xAAAA).u16(0xBBBB);
    assertThrows(IllegalStateException.class, () -> w.u8(1));
    assertSame(buf, w.array());
    assertArrayEquals(
        new byte[] {0, 0, (byte) 0xAA, (byte) 0xAA, (byte) 0xBB, (byte) 0xBB, 0, 0}, buf);
    assertEquals("aaaabbbb", hex(w.toByteArray()));
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
