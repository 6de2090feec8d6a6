package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

class SourceDescriptionTest {
  /** RFC 3550 §6.5: one chunk with a CNAME, as Chrome sends it (a 16-character random CNAME). */
  static final byte[] CHROME_CNAME =
      Hex.bytes(
          "81 ca 0006" // V=2 SC=1, PT=202, 6 words follow
              + "1a2b3c4d" // chunk: SSRC
              + "01 10" // CNAME, 16 bytes
              + "47767046444537564533426f3475384e" // "GvpFDE7VE3Bo4u8N"
              + "0000"); // the null item and padding to 32 bits

  @Test
  void parsesAndWritesBack() throws ParseException {
    SourceDescription sdes = RtcpAssert.parsesAndWritesBack(CHROME_CNAME, SourceDescription::parse);
    assertEquals(1, sdes.chunks().size());
    SdesChunk chunk = sdes.chunks().get(0);
    assertEquals(0x1a2b3c4dL, chunk.ssrc());
    assertEquals("GvpFDE7VE3Bo4u8N", chunk.text(SdesItem.CNAME));
    assertNull(chunk.text(SdesItem.NAME));
    assertEquals(SdesChunk.cname(0x1a2b3c4dL, "GvpFDE7VE3Bo4u8N"), chunk);
  }

  @Test
  void chunksOfEveryLengthEndOnThirtyTwoBits() throws ParseException {
    // The null item plus padding is 1 to 4 bytes: every residue of the item length mod 4.
    for (int length = 0; length < 9; length++) {
      SourceDescription sdes =
          new SourceDescription(
              List.of(
                  new SdesChunk(1, List.of(SdesItem.cname("c".repeat(length)))),
                  new SdesChunk(2, List.of()),
                  new SdesChunk(
                      3,
                      List.of(
                          SdesItem.text(SdesItem.TOOL, "rtc4j"),
                          new SdesItem(SdesItem.PRIV, new byte[] {3, 'a', 'b', 'c', (byte) 0xff}),
                          SdesItem.text(SdesItem.MID, "0")))));
      RtcpAssert.roundTrips(sdes, SourceDescription::parse);
    }
  }

  @Test
  void keepsItemBytesAsTheyCame() throws ParseException {
    byte[] bytes =
        Hex.bytes(
            "81 ca 0003 00000001" // SC=1; chunk: SSRC 1
                + "07 02 c3a9" // NOTE: "é" in UTF-8
                + "00 000000"); // the null item and padding
    SourceDescription sdes = RtcpAssert.parsesAndWritesBack(bytes, SourceDescription::parse);
    SdesItem note = sdes.chunks().get(0).items().get(0);
    assertArrayEquals(Hex.bytes("c3a9"), note.value());
    assertEquals("\u00e9", note.text());
  }

  @Test
  void refusesMalformed() {
    RtcpAssert.refusesMalformed(CHROME_CNAME, SourceDescription::parse);
    // An item that overruns the packet.
    byte[] overrun = Hex.bytes("81 ca 0002 00000001 01 09 6162");
    assertThrows(ParseException.class, () -> SourceDescription.parse(overrun, 0, 12));
    // No null item before the end.
    byte[] unterminated = Hex.bytes("81 ca 0002 00000001 01 02 6162");
    assertThrows(ParseException.class, () -> SourceDescription.parse(unterminated, 0, 12));
    // An empty CNAME, the null item, then a non-zero byte where the padding goes.
    byte[] dirtyPadding = Hex.bytes("81 ca 0002 00000001 01 00 00 ff");
    assertThrows(ParseException.class, () -> SourceDescription.parse(dirtyPadding, 0, 12));
    // A whole word after the last chunk.
    byte[] leftOver = Hex.bytes("81 ca 0003 00000001 01 01 61 00 ffffffff");
    assertThrows(ParseException.class, () -> SourceDescription.parse(leftOver, 0, 16));
    assertThrows(IllegalArgumentException.class, () -> new SdesItem(0, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new SdesItem(1, new byte[256]));
  }
}
