package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.common.Data;

/**
 * Chunks written out by hand from the formats in the RFCs, byte by byte: what this layer writes for
 * a value, and the value it reads from those bytes.
 */
class KnownAnswerTest {
  @Test
  void aSackWithTwoGapBlocksAndADuplicate() throws ParseException {
    // RFC 9260 §3.3.4: TSNs up to 0x12345678 arrived, then +2..+3 and +5; +1 came twice.
    assertKnownAnswer(
        new SackChunk(
            0x1234_5678,
            0x0001_0000,
            List.of(new GapAckBlock(2, 3), new GapAckBlock(5, 5)),
            List.of(0x1234_5679)),
        "03 00 001c"
            + " 12345678"
            + " 00010000"
            + " 0002 0001"
            + " 0002 0003"
            + " 0005 0005"
            + " 12345679");
  }

  @Test
  void aForwardTsnSkippingTwoStreams() throws ParseException {
    // RFC 3758 §3.2: the new cumulative TSN 100; stream 1 up to SSN 5, stream 2 up to SSN 9.
    assertKnownAnswer(
        new ForwardTsnChunk(
            100, List.of(new SkippedStream(1, false, 5), new SkippedStream(2, false, 9))),
        "c0 00 0010" + " 00000064" + " 0001 0005" + " 0002 0009");
  }

  @Test
  void anIForwardTsnWithAnUnorderedAndAnOrderedEntry() throws ParseException {
    // RFC 8260 §2.3.1: stream 1 unordered up to MID 7, stream 2 ordered up to MID 3.
    assertKnownAnswer(
        new IForwardTsnChunk(
            100, List.of(new SkippedStream(1, true, 7), new SkippedStream(2, false, 3))),
        "c2 00 0018" + " 00000064" + " 0001 0001 00000007" + " 0002 0000 00000003");
  }

  @Test
  void aReConfigWithAnOutgoingResetOfThreeStreams() throws ParseException {
    // RFC 6525 §4.1: request 1 resets streams 1, 3 and 5 after TSN 16. The parameter is 22
    // bytes; as the chunk's last parameter its 2 bytes of padding are not in the chunk length.
    assertKnownAnswer(
        new ReConfigChunk(
            List.of(new OutgoingSsnResetRequestParameter(1, 0, 16, List.of(1, 3, 5)))),
        "82 00 001a"
            + " 000d 0016"
            + " 00000001"
            + " 00000000"
            + " 00000010"
            + " 0001 0003"
            + " 0005 0000");
  }

  @Test
  void aReConfigAnsweringAnSsnTsnResetWithTheNextTsns() throws ParseException {
    // RFC 6525 §4.4, with both optional fields.
    assertKnownAnswer(
        new ReConfigChunk(
            List.of(
                new ReconfigurationResponseParameter(
                    7, ReconfigurationResponseParameter.SUCCESS_PERFORMED, true, 0x100, 0x200))),
        "82 00 0018" + " 0010 0014" + " 00000007" + " 00000001" + " 00000100" + " 00000200");
  }

  @Test
  void anInitWithSupportedExtensionsOfThreeTypes() throws ParseException {
    // RFC 9260 §3.3.2 with RFC 3758 §3.1 and RFC 5061 §4.2.7: the extensions parameter is 7
    // bytes, so the chunk is 31 bytes long and 32 on the wire.
    assertKnownAnswer(
        new InitChunk(
            0x0102_0304,
            0x0002_0000,
            10,
            11,
            0xA0B0_C0D0,
            List.of(
                new ForwardTsnSupportedParameter(),
                new SupportedExtensionsParameter(
                    List.of(ReConfigChunk.TYPE, ForwardTsnChunk.TYPE, IDataChunk.TYPE)))),
        "01 00 001f"
            + " 01020304"
            + " 00020000"
            + " 000a 000b"
            + " a0b0c0d0"
            + " c000 0004"
            + " 8008 0007"
            + " 82 c0 40 00");
  }

  @Test
  void anInitAckWithAStateCookieAndZeroChecksum() throws ParseException {
    // RFC 9260 §3.3.3 with RFC 9653 §3 (DTLS as the alternate error detection method).
    assertKnownAnswer(
        new InitAckChunk(
            0x0A0B_0C0D,
            1500,
            1,
            2,
            3,
            List.of(
                new StateCookieParameter(new byte[] {1, 2, 3, 4, 5}),
                new ZeroChecksumAcceptableParameter(ZeroChecksumAcceptableParameter.DTLS))),
        "02 00 0028"
            + " 0a0b0c0d"
            + " 000005dc"
            + " 0001 0002"
            + " 00000003"
            + " 0007 0009 0102030405 000000"
            + " 8001 0008 00000001");
  }

  @Test
  void anUnorderedWholeDataMessageAskingForAnImmediateAck() throws ParseException {
    // RFC 9260 §3.3.1 with the I bit of RFC 7053: flags I U B E = 0x0f.
    assertKnownAnswer(
        new DataChunk(
            1, new Data(2, 3, 0, 0, PayloadProtocolId.STRING, bytes("hi"), true, true, true), true),
        "00 0f 0012" + " 00000001" + " 0002 0003" + " 00000033" + " 6869 0000");
  }

  @Test
  void aMiddleIDataFragmentCarriesItsFsnWhereTheFirstCarriesThePpid() throws ParseException {
    // RFC 8260 §2.1: neither B nor E; the last field is the FSN.
    assertKnownAnswer(
        new IDataChunk(9, new Data(4, 0, 77, 2, 0, bytes("abc"), false, false, false), false),
        "40 00 0017" + " 00000009" + " 0004 0000" + " 0000004d" + " 00000002" + " 616263 00");
  }

  @Test
  void anAbortWithTheTagReflectedSayingBye() throws ParseException {
    // RFC 9260 §3.3.7 and §3.3.10.12: the T bit, and a 7-byte cause padded to 8.
    assertKnownAnswer(
        new AbortChunk(true, List.of(new UserInitiatedAbortCause("bye"))),
        "06 01 000b" + " 000c 0007 627965 00");
  }

  @Test
  void anErrorReportingAMissingStateCookieAndAnUnknownStream() throws ParseException {
    // RFC 9260 §3.3.10.2 and §3.3.10.1.
    assertKnownAnswer(
        new ErrorChunk(
            List.of(
                new MissingMandatoryParameterCause(List.of(StateCookieParameter.TYPE)),
                new InvalidStreamIdentifierCause(300))),
        "09 00 0018" + " 0002 000a 00000001 0007 0000" + " 0001 0008 012c 0000");
  }

  @Test
  void aHeartbeatAndItsAck() throws ParseException {
    // RFC 9260 §3.3.5 and §3.3.6: the information is echoed unchanged.
    HeartbeatRequestChunk request = HeartbeatRequestChunk.of(new byte[] {1, 2, 3, 4, 5, 6});
    assertKnownAnswer(request, "04 00 000e" + " 0001 000a 010203040506 0000");
    assertKnownAnswer(
        HeartbeatAckChunk.answering(request), "05 00 000e" + " 0001 000a 010203040506 0000");
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, request.info().orElseThrow().info());
  }

  @Test
  void theShortChunks() throws ParseException {
    assertKnownAnswer(new ShutdownChunk(0xFFFF_FFFF), "07 00 0008 ffffffff");
    assertKnownAnswer(new ShutdownAckChunk(), "08 00 0004");
    assertKnownAnswer(new CookieAckChunk(), "0b 00 0004");
    assertKnownAnswer(new ShutdownCompleteChunk(true), "0e 01 0004");
    assertKnownAnswer(new CookieEchoChunk(new byte[] {(byte) 0xAA}), "0a 00 0005 aa 000000");
  }

  @Test
  void aPacketOfOneCookieAckHasTheCrc32cOfItsBytes() throws ParseException {
    // The capture's packet 7: a COOKIE ACK from port 5000 to 5000 with tag 0x724d984d. Its
    // CRC32c is 0xf8062570 and goes on the wire least significant byte first (RFC 9260 App. B).
    SctpPacket packet = new SctpPacket(5000, 5000, 0x724d_984d, List.of(new CookieAckChunk()));
    assertArrayEquals(hex("1388 1388 724d984d 702506f8 0b000004"), packet.toBytes(false));
    assertArrayEquals(hex("1388 1388 724d984d 00000000 0b000004"), packet.toBytes(true));
  }

  private static void assertKnownAnswer(Chunk chunk, String spacedHex) throws ParseException {
    byte[] expected = hex(spacedHex);
    assertArrayEquals(expected, chunk.toBytes(), chunk.toString());
    ByteReader in = new ByteReader(expected);
    assertEquals(chunk, Chunk.parse(in));
    assertEquals(0, in.remaining());
  }

  private static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }
}
