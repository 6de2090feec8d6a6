package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

/**
 * The CRC32c of the common header (RFC 9260 §6.8, Appendix B) and the zero checksum of RFC 9653: a
 * corrupted packet is refused, a zero checksum is taken only by an endpoint that said it would.
 */
class ChecksumTest {
  /** The Firefox capture's first packet: an INIT with a good checksum. */
  private static final byte[] INIT =
      HexFormat.of()
          .parseHex(
              "13881388000000005f4fecfc010000200ba22a8b01000000fffffffff4484846c0000004"
                  + "8008000882c040c2");

  @Test
  void aFlippedBitAnywhereIsABadChecksum() {
    for (int i = 0; i < INIT.length; i++) {
      byte[] corrupted = INIT.clone();
      corrupted[i] ^= 0x10;
      for (boolean acceptZero : new boolean[] {false, true}) {
        ParseException e =
            assertThrows(
                ParseException.class,
                () -> SctpPacket.parse(corrupted, 0, corrupted.length, acceptZero),
                "bit flipped in byte " + i);
        assertEquals(8, e.offset(), e.getMessage());
      }
    }
  }

  @Test
  void aZeroChecksumIsTakenOnlyWhenAcceptable() throws ParseException {
    byte[] zeroed = INIT.clone();
    zeroed[8] = zeroed[9] = zeroed[10] = zeroed[11] = 0;
    assertThrows(ParseException.class, () -> SctpPacket.parse(zeroed, 0, zeroed.length, false));
    SctpPacket packet = SctpPacket.parse(zeroed, 0, zeroed.length, true);
    assertEquals(SctpPacket.parse(INIT, 0, INIT.length, false), packet);
  }

  @Test
  void aCorrectChecksumIsTakenWhetherOrNotZeroIsAcceptable() throws ParseException {
    assertEquals(
        SctpPacket.parse(INIT, 0, INIT.length, false),
        SctpPacket.parse(INIT, 0, INIT.length, true));
  }

  @Test
  void aPacketWrittenWithAZeroChecksumHasZerosThereAndOtherwiseTheSameBytes()
      throws ParseException {
    SctpPacket packet = SctpPacket.parse(INIT, 0, INIT.length, false);
    byte[] zero = packet.toBytes(true);
    byte[] withCrc = packet.toBytes(false);
    assertEquals(0, zero[8] | zero[9] | zero[10] | zero[11]);
    for (int i = 8; i < 12; i++) {
      zero[i] = withCrc[i];
    }
    assertEquals(HexFormat.of().formatHex(withCrc), HexFormat.of().formatHex(zero));
  }

  @Test
  void theBuilderWritesTheSameChecksumAsThePacket() {
    PacketBuilder builder = new PacketBuilder(5000, 5000, 0x724d_984d, 1200);
    builder.add(new CookieAckChunk());
    assertEquals(
        HexFormat.of()
            .formatHex(
                new SctpPacket(5000, 5000, 0x724d_984d, List.of(new CookieAckChunk()))
                    .toBytes(false)),
        HexFormat.of().formatHex(builder.build(false)));
  }
}
