package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.rtp.Hex;

/** Splitting an Annex B byte stream into NAL units. */
class AnnexBTest {

  @Test
  void threeAndFourByteStartCodesAndTrailingZeros() {
    byte[] stream =
        Hex.bytes(
            "00 00 00 01 67 42 c0 1f" // SPS after a 4-byte start code
                + " 00 00 01 68 ce 3c 80" // PPS after a 3-byte one
                + " 00 00" // trailing_zero_8bits
                + " 00 00 00 01 65 88 84 00 03 01" // IDR slice, 0x000003 inside it stays
                + " 00 00 01" // an empty unit, left out
                + " 00 00 01 06 05 ff");
    List<byte[]> units = AnnexB.split(stream);
    assertEquals(4, units.size());
    assertEquals("6742c01f", Hex.hex(units.get(0)));
    assertEquals("68ce3c80", Hex.hex(units.get(1)));
    assertEquals("658884000301", Hex.hex(units.get(2)));
    assertEquals("0605ff", Hex.hex(units.get(3)));
  }

  @Test
  void bytesBeforeTheFirstStartCodeAreAUnit() {
    assertEquals(1, AnnexB.split(Hex.bytes("41 9a 02")).size());
    assertEquals("419a02", Hex.hex(AnnexB.split(Hex.bytes("41 9a 02")).get(0)));
    List<byte[]> units = AnnexB.split(Hex.bytes("41 9a 00 00 00 01 41 9b"));
    assertEquals(List.of("419a", "419b"), units.stream().map(Hex::hex).toList());
    assertEquals(0, AnnexB.split(Hex.bytes("00 00 00 01")).size());
    assertEquals(0, AnnexB.split(new byte[0]).size());
    assertEquals(
        List.of("01"), AnnexB.split(Hex.bytes("00 00 01 01 00")).stream().map(Hex::hex).toList());
  }
}
