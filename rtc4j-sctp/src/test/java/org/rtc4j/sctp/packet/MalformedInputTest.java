package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * What a peer (or the path) may send that is not SCTP as RFC 9260 writes it: each is refused with a
 * {@link ParseException} saying where, and the few liberties the RFC allows are taken.
 */
class MalformedInputTest {
  @Test
  void aPacketTooShortForAHeaderAndAChunk() {
    for (int length = 0; length < 16; length++) {
      byte[] packet = new byte[length];
      assertThrows(ParseException.class, () -> SctpPacket.parse(packet, 0, packet.length, true));
    }
  }

  @Test
  void aChunkLengthBelowTheHeader() {
    ParseException e = refusedInPacket("0b 00 0003");
    assertEquals(14, e.offset(), "at the chunk's length field");
  }

  @Test
  void aChunkRunningPastThePacket() {
    refusedInPacket("00 03 0020 00000001 0000 0000 00000000 41");
  }

  @Test
  void theLastChunkWithoutItsPadding() {
    // RFC 9260 §3.2: every chunk is padded, the last one of the packet too.
    refusedInPacket("0a 00 0005 aa");
    refusedInPacket("0a 00 0005 aa 0000");
  }

  @Test
  void paddingBytesAreIgnoredWhateverTheyHold() throws ParseException {
    // RFC 9260 §3.2: the receiver ignores the padding.
    SctpPacket packet = parsedPacket("0a 00 0005 aa ffffff");
    assertEquals(List.of(new CookieEchoChunk(new byte[] {(byte) 0xAA})), packet.chunks());
  }

  @Test
  void dataAndIDataWithoutUserData() {
    // RFC 9260 §3.3.1: a DATA chunk carries at least one byte.
    ParseException data = refusedInPacket("00 03 0010 00000001 0000 0000 00000033");
    assertTrue(data.getMessage().contains("without user data"), data.getMessage());
    refusedInPacket("40 03 0014 00000001 0000 0000 00000000 00000033");
    refusedInPacket("00 03 000c 00000001 0000 0000");
  }

  @Test
  void aSackWhoseCountsDisagreeWithItsLength() {
    refusedInPacket("03 00 0014 00000001 00001000 0001 0001 0001 0001"); // one dup TSN missing
    refusedInPacket("03 00 0014 00000001 00001000 0000 0000 00000005"); // an extra 4 bytes
  }

  @Test
  void aSackWithAnImpossibleGapAckBlock() {
    refusedInPacket("03 00 0014 00000001 00001000 0001 0000 0000 0002"); // starts at 0
    ParseException e = refusedInPacket("03 00 0014 00000001 00001000 0001 0000 0005 0004");
    assertEquals(12 + 16, e.offset(), "at the block");
  }

  @Test
  void fixedLengthChunksWithExtraOrMissingBytes() {
    refusedInPacket("07 00 000c 00000001 00000002"); // SHUTDOWN
    refusedInPacket("07 00 0006 0001 0000");
    refusedInPacket("08 00 0008 00000000"); // SHUTDOWN ACK
    refusedInPacket("0b 00 0008 00000000"); // COOKIE ACK
    refusedInPacket("0e 00 0008 00000000"); // SHUTDOWN COMPLETE
  }

  @Test
  void forwardTsnEntriesThatDoNotFillTheirLength() {
    refusedInPacket("c0 00 000a 00000001 0001 0000");
    refusedInPacket("c2 00 000c 00000001 0001 0000"); // half an entry
    refusedInPacket("c0 00 0006 0000 0000");
  }

  @Test
  void parametersThatDoNotFitTheirChunk() {
    String init = "01 00 %s 00000001 00001000 0001 0001 00000001 %s";
    // Parameter length below 4; the error names its place in the packet.
    ParseException e = refusedInPacket(String.format(init, "0018", "c000 0002"));
    assertEquals(12 + 20 + 2, e.offset());
    // A parameter running past the chunk, though not past the packet.
    refusedInPacket(String.format(init, "0018", "8008 0008") + " 82c040c2");
    // Three bytes left over after the parameters.
    refusedInPacket(String.format(init, "001b", "c000 0004 000000") + " 00");
    // A known parameter of the wrong length.
    refusedInPacket(String.format(init, "001c", "c000 0008 00000000"));
    refusedInPacket(String.format(init, "001c", "8001 0008 0000") + " 0000 00000000");
  }

  @Test
  void aLastParameterWithoutItsPaddingIsWhatRfc9260Prescribes() throws ParseException {
    // The chunk length (0x1b) stops after the 7-byte parameter; the chunk's padding follows.
    SctpPacket packet =
        parsedPacket("01 00 001b 00000001 00001000 0001 0001 00000001 8008 0007 82c040 00");
    InitChunk init = assertInstanceOf(InitChunk.class, packet.chunks().get(0));
    assertEquals(
        List.of(new SupportedExtensionsParameter(List.of(0x82, 0xC0, 0x40))), init.parameters());
    // Some stacks count that padding in the chunk length: taken as well.
    assertEquals(
        packet.chunks(),
        parsedPacket("01 00 001c 00000001 00001000 0001 0001 00000001 8008 0007 82c040 00")
            .chunks());
  }

  @Test
  void reconfigurationParametersOfTheWrongShape() {
    // A response of 16 bytes: RFC 6525 §4.4 allows 12 or 20.
    assertReason(
        "Re-configuration Response of length 16",
        "82 00 0014 0010 0010 00000001 00000000 00000000");
    // An outgoing reset request with half a stream number.
    assertReason("odd byte", "82 00 0015 000d 0011 00000001 00000000 00000000 00 000000");
    // Add Outgoing Streams without its stream count.
    assertReason("Add Outgoing Streams Request", "82 00 000e 0011 000a 00000001 0001 0000");
  }

  private static void assertReason(String reason, String chunksHex) {
    ParseException e = refusedInPacket(chunksHex);
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void errorCausesThatLieAboutTheirContents() {
    // Missing Mandatory Parameter claims 2^32 - 1 types in 2 bytes.
    refusedInPacket("09 00 000e 0002 000a ffffffff 0007 0000");
    refusedInPacket("09 00 000c 0001 0006 0001 0000"); // Invalid Stream Identifier cut short
    refusedInPacket("06 00 0008 0004 0008 00000000"); // Out of Resource with information
    refusedInPacket("06 00 0008 000c 0002 0000"); // cause length below 4
  }

  @Test
  void chunkParseAloneRefusesTruncatedInput() {
    for (String hex : new String[] {"", "00", "0b00", "0b 00 00"}) {
      byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
      assertThrows(ParseException.class, () -> Chunk.parse(new ByteReader(bytes)));
    }
  }

  @Test
  void parseExceptionOffsetsCountFromTheStartOfThePacketInTheCallersBuffer() {
    byte[] good = new SctpPacket(1, 2, 3, List.of(new CookieAckChunk())).toBytes(true);
    byte[] buffer = new byte[40];
    System.arraycopy(good, 0, buffer, 10, good.length);
    buffer[10 + 14] = 0; // the chunk length's high byte: still 4
    buffer[10 + 15] = 2; // its low byte: 2, below the header
    ParseException e =
        assertThrows(ParseException.class, () -> SctpPacket.parse(buffer, 10, good.length, true));
    assertEquals(14, e.offset());
  }

  /** A packet of the given chunk bytes with a zero checksum, parsed as acceptable. */
  private static SctpPacket parsedPacket(String chunksHex) throws ParseException {
    byte[] packet = packet(chunksHex);
    return SctpPacket.parse(packet, 0, packet.length, true);
  }

  private static ParseException refusedInPacket(String chunksHex) {
    byte[] packet = packet(chunksHex);
    return assertThrows(
        ParseException.class, () -> SctpPacket.parse(packet, 0, packet.length, true), chunksHex);
  }

  private static byte[] packet(String chunksHex) {
    return HexFormat.of().parseHex(("1388 1388 00000001 00000000 " + chunksHex).replace(" ", ""));
  }
}
