package org.rtc4j.datachannel.dcep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.rtc4j.common.ParseException;

/** DATA_CHANNEL_OPEN and DATA_CHANNEL_ACK against the layout of RFC 8832 §5, byte by byte. */
class DcepMessageTest {
  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  @Test
  void aReliableOrderedChannelNamedChatOpensWithTwelveBytesThenItsLabel() throws ParseException {
    byte[] wire =
        hex(
            "03" // Message Type: DATA_CHANNEL_OPEN
                + "00" // Channel Type: DATA_CHANNEL_RELIABLE
                + "0100" // Priority: 256, normal
                + "00000000" // Reliability Parameter: 0 for a reliable channel
                + "0004" // Label Length
                + "0000" // Protocol Length
                + "63686174"); // "chat"
    DataChannelOpen open = new DataChannelOpen(ChannelType.RELIABLE, 256, 0, "chat", "");

    assertArrayEquals(wire, open.toBytes());
    assertEquals(open, DcepMessage.parse(wire));
  }

  @Test
  void anUnorderedChannelWithThreeRetransmitsAndAProtocolButNoLabel() throws ParseException {
    byte[] wire = hex("03 81 0200 00000003 0000 0004 786d7070"); // protocol "xmpp"
    DcepMessage parsed = DcepMessage.parse(wire);

    DataChannelOpen open = (DataChannelOpen) parsed;
    assertEquals(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED, open.channelType());
    assertFalse(open.channelType().ordered());
    assertTrue(open.channelType().limitsRetransmissions());
    assertEquals(512, open.priority());
    assertEquals(3, open.reliabilityParameter());
    assertEquals("", open.label());
    assertEquals("xmpp", open.protocol());
    assertArrayEquals(wire, open.toBytes());
  }

  @Test
  void aTimedChannelCarriesItsLifetimeInMillisecondsAndAllSixTypesHaveTheirCodes()
      throws ParseException {
    byte[] wire = hex("03 02 0080 000003e8 0001 0000 41");
    DataChannelOpen open = (DataChannelOpen) DcepMessage.parse(wire);
    assertEquals(ChannelType.PARTIAL_RELIABLE_TIMED, open.channelType());
    assertTrue(open.channelType().limitsLifetime());
    assertEquals(1000, open.reliabilityParameter());
    assertEquals(128, open.priority());

    assertEquals(0x00, ChannelType.of(true, false, false).code());
    assertEquals(0x80, ChannelType.of(false, false, false).code());
    assertEquals(0x01, ChannelType.of(true, true, false).code());
    assertEquals(0x81, ChannelType.of(false, true, false).code());
    assertEquals(0x02, ChannelType.of(true, false, true).code());
    assertEquals(0x82, ChannelType.of(false, false, true).code());
    assertThrows(IllegalArgumentException.class, () -> ChannelType.of(true, true, true));
  }

  @Test
  void theLargestReliabilityParameterIsUnsigned() throws ParseException {
    byte[] wire = hex("03 01 ffff ffffffff 0000 0000");
    DataChannelOpen open = (DataChannelOpen) DcepMessage.parse(wire);
    assertEquals(0xFFFF_FFFFL, open.reliabilityParameter());
    assertEquals(0xFFFF, open.priority());
    assertArrayEquals(wire, open.toBytes());
  }

  @Test
  void labelLengthsCountBytesOfUtf8NotCharacters() throws ParseException {
    // "é" is 2 bytes, the emoji (a surrogate pair in Java) 4.
    DataChannelOpen open = new DataChannelOpen(ChannelType.RELIABLE, 256, 0, "é\uD83D\uDE00", "");
    byte[] wire = open.toBytes();
    assertArrayEquals(hex("03 00 0100 00000000 0006 0000 c3a9 f09f9880"), wire);
    assertEquals(open, DcepMessage.parse(wire));
  }

  @Test
  void aReliableChannelsParameterIsKeptAsItCameSoThatItWritesBackTheSame() throws ParseException {
    // RFC 8832 §5.1: the receiver ignores it, but the message still round-trips.
    byte[] wire = hex("03 80 0100 00000007 0000 0000");
    DataChannelOpen open = (DataChannelOpen) DcepMessage.parse(wire);
    assertEquals(7, open.reliabilityParameter());
    assertArrayEquals(wire, open.toBytes());
  }

  @Test
  void theAckIsOneByte() throws ParseException {
    assertArrayEquals(hex("02"), DataChannelAck.INSTANCE.toBytes());
    assertEquals(DataChannelAck.INSTANCE, DcepMessage.parse(hex("02")));
  }

  @Test
  void malformedMessagesAreRefusedWithTheOffsetOfTheProblem() {
    assertRefused("", 0); // nothing at all
    assertRefused("04", 0); // an unassigned message type
    assertRefused("ff", 0); // reserved for extensions
    assertRefused("0200", 1); // an ACK with a byte after it
    assertRefused("03 00 0100 00000000 0000", 10); // 10 of the 12 fixed bytes
    assertRefused("03 03 0100 00000000 0000 0000", 1); // channel type 3 does not exist
    assertRefused("03 00 0100 00000000 0005 0000 63686174", 12); // label runs past the end
    assertRefused("03 00 0100 00000000 0004 0000 6368617400", 12); // a byte after the label
    assertRefused("03 00 0100 00000000 0002 0000 c328", 12); // not UTF-8
    assertRefused("03 00 0100 00000000 0002 0000 c080", 12); // an overlong NUL
    assertRefused("03 00 0100 00000000 0000 0003 eda080", 12); // a surrogate, as CESU-8 has it
  }

  @Test
  void messagesThatCannotBeWrittenAreRefusedWhenBuilt() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataChannelOpen(ChannelType.RELIABLE, 0x10000, 0, "", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataChannelOpen(ChannelType.PARTIAL_RELIABLE_REXMIT, 0, 1L << 32, "", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataChannelOpen(ChannelType.RELIABLE, 0, 0, "x".repeat(0x10000), ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataChannelOpen(ChannelType.RELIABLE, 0, 0, "", "é".repeat(0x8000)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataChannelOpen(ChannelType.RELIABLE, 0, 0, "\uD800", ""));
    // The longest label there can be still fits.
    new DataChannelOpen(ChannelType.RELIABLE, 0, 0, "x".repeat(0xFFFF), "");
  }

  @Test
  void everyOpenThatCanBeBuiltRoundTripsThroughTheWire() {
    Gen<ChannelType> types = Generate.enumValues(ChannelType.class);
    Gen<String> text = strings().allPossible().ofLengthBetween(0, 40).map(Utf8Text::scalarValues);
    Gen<List<String>> labelAndProtocol = text.zip(text, List::of);
    qt().withFixedSeed(0xDCE9L)
        .forAll(
            types,
            integers().between(0, 0xFFFF),
            longs().between(0, 0xFFFF_FFFFL),
            labelAndProtocol)
        .checkAssert(
            (type, priority, parameter, strings) -> {
              DataChannelOpen open =
                  new DataChannelOpen(type, priority, parameter, strings.get(0), strings.get(1));
              byte[] wire = open.toBytes();
              try {
                assertEquals(open, DcepMessage.parse(wire));
              } catch (ParseException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void unpairedSurrogatesBecomeTheReplacementCharacter() {
    assertEquals("a\uFFFDb", Utf8Text.scalarValues("a\uD800b"));
    assertEquals("\uFFFD", Utf8Text.scalarValues("\uDC00"));
    assertEquals("x\uFFFD", Utf8Text.scalarValues("x\uD83D"));
    String pair = "\uD83D\uDE00";
    assertTrue(pair == Utf8Text.scalarValues(pair), "well-formed text is returned as it is");
    assertEquals(4, Utf8Text.byteLength(pair));
  }

  private static void assertRefused(String hex, int offset) {
    ParseException e = assertThrows(ParseException.class, () -> DcepMessage.parse(hex(hex)));
    assertEquals(offset, e.offset(), e.getMessage());
  }
}
