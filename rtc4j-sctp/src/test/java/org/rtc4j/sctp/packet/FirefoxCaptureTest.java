package org.rtc4j.sctp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.common.Data;

/**
 * The SCTP packets two Firefox 153 peers (dcSCTP inside) exchanged over DTLS on loopback, from
 * {@code firefox153-sctp-over-dtls.hex}: each parses with its checksum verified and writes back
 * byte for byte, and says what the capture shows happened.
 */
class FirefoxCaptureTest {
  /** The fixture's packets in order; {@code fromFirst} says which peer sent each. */
  record Captured(boolean fromFirst, byte[] bytes) {}

  private static final String FIRST_PEER = "48838";
  private static final List<Captured> CAPTURE = new ArrayList<>();
  private static final List<SctpPacket> PACKETS = new ArrayList<>();

  @BeforeAll
  static void readCapture() throws IOException, ParseException {
    for (String line : lines("firefox153-sctp-over-dtls.hex")) {
      String[] fields = line.split(" ");
      Captured c =
          new Captured(fields[0].startsWith(FIRST_PEER + ">"), HexFormat.of().parseHex(fields[1]));
      CAPTURE.add(c);
      PACKETS.add(SctpPacket.parse(c.bytes(), 0, c.bytes().length, false));
    }
  }

  /** The fixture's non-comment lines. */
  static List<String> lines(String resource) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(FirefoxCaptureTest.class.getResourceAsStream(resource));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }

  @Test
  void everyPacketParsesWithItsChecksumAndWritesBackByteForByte() {
    assertEquals(15, CAPTURE.size());
    for (int i = 0; i < CAPTURE.size(); i++) {
      SctpPacket packet = PACKETS.get(i);
      assertArrayEquals(CAPTURE.get(i).bytes(), packet.toBytes(false), "packet " + i);
      assertEquals(CAPTURE.get(i).bytes().length, packet.length());
      assertEquals(5000, packet.sourcePort());
      assertEquals(5000, packet.destinationPort());
    }
  }

  @Test
  void bothPeersSendInitAtOnce_anInitCollision() {
    // RFC 9260 §5.2.4: each side's INIT, with verification tag 0, crosses the other's.
    InitChunk first = onlyChunk(0, InitChunk.class);
    InitChunk second = onlyChunk(1, InitChunk.class);
    assertTrue(CAPTURE.get(0).fromFirst());
    assertFalse(CAPTURE.get(1).fromFirst());
    assertEquals(0, PACKETS.get(0).verificationTag());
    assertEquals(0, PACKETS.get(1).verificationTag());
    assertEquals(0x0ba22a8b, first.initiateTag());
    assertEquals(0x724d984d, second.initiateTag());
    assertEquals(0xf4484846, first.initialTsn());
    assertEquals(0x2c819977, second.initialTsn());
    assertEquals(0x0100_0000L, first.advertisedReceiverWindowCredit());
    assertEquals(65535, first.outboundStreams());
    assertEquals(65535, first.inboundStreams());
    // Both offer PR-SCTP and the WebRTC extensions: RE-CONFIG, FORWARD-TSN, I-DATA, I-FORWARD-TSN.
    List<Parameter> expected =
        List.of(
            new ForwardTsnSupportedParameter(),
            new SupportedExtensionsParameter(
                List.of(
                    ReConfigChunk.TYPE,
                    ForwardTsnChunk.TYPE,
                    IDataChunk.TYPE,
                    IForwardTsnChunk.TYPE)));
    assertEquals(expected, first.parameters());
    assertEquals(expected, second.parameters());
  }

  @Test
  void eachInitAckIsAddressedWithTheOthersTagAndItsCookieComesBackInACookieEcho() {
    // Packet 2 answers packet 0's INIT: it carries the tag packet 0 asked for.
    InitAckChunk ack = onlyChunk(2, InitAckChunk.class);
    assertEquals(0x0ba22a8b, PACKETS.get(2).verificationTag());
    assertEquals(0x724d984d, ack.initiateTag());
    StateCookieParameter cookie =
        assertInstanceOf(StateCookieParameter.class, ack.parameters().get(0));
    assertEquals("dcSCTP00", new String(cookie.cookie(), 0, 8, StandardCharsets.US_ASCII));
    // Packet 4, from packet 0's sender, echoes that cookie with the tag packet 2 asked for.
    CookieEchoChunk echo = onlyChunk(4, CookieEchoChunk.class);
    assertEquals(0x724d984d, PACKETS.get(4).verificationTag());
    assertArrayEquals(cookie.cookie(), echo.cookie());
    // And the other way round.
    InitAckChunk otherAck = onlyChunk(3, InitAckChunk.class);
    StateCookieParameter otherCookie = otherAck.stateCookie().orElseThrow();
    assertArrayEquals(otherCookie.cookie(), onlyChunk(5, CookieEchoChunk.class).cookie());
    onlyChunk(6, CookieAckChunk.class);
    onlyChunk(7, CookieAckChunk.class);
  }

  @Test
  void iDataCarriesTheDcepOpenAndItsAck() {
    IDataChunk open = onlyChunk(8, IDataChunk.class);
    assertEquals(0xf4484846, open.tsn(), "the first TSN its INIT announced");
    Data data = open.data();
    assertEquals(1, data.streamId());
    assertEquals(0, data.mid());
    assertEquals(0, data.fsn());
    assertEquals(PayloadProtocolId.DCEP, data.ppid());
    assertTrue(data.beginning() && data.end(), "a whole message");
    assertFalse(data.unordered());
    byte[] payload = data.payload();
    // RFC 8832 §5.1: DATA_CHANNEL_OPEN (0x03), reliable, label "test", no protocol.
    assertEquals(0x03, payload[0]);
    assertEquals("test", new String(payload, payload.length - 4, 4, StandardCharsets.US_ASCII));
    IDataChunk ack = onlyChunk(10, IDataChunk.class);
    assertEquals(0x2c819977, ack.tsn());
    assertEquals(PayloadProtocolId.DCEP, ack.data().ppid());
    assertArrayEquals(new byte[] {0x02}, ack.data().payload(), "DATA_CHANNEL_ACK");
  }

  @Test
  void sacksAcknowledgeWithoutGaps() {
    SackChunk sack = onlyChunk(9, SackChunk.class);
    assertEquals(0xf4484846, sack.cumulativeTsnAck());
    assertEquals(0x00e6_6666L, sack.advertisedReceiverWindowCredit());
    assertEquals(List.of(), sack.gapAckBlocks());
    assertEquals(List.of(), sack.duplicateTsns());
  }

  @Test
  void theEchoIsBundledAfterTheSackOfTheMessageItAnswers() {
    SctpPacket packet = PACKETS.get(13);
    assertEquals(2, packet.chunks().size());
    SackChunk sack = assertInstanceOf(SackChunk.class, packet.chunks().get(0));
    IDataChunk echo = assertInstanceOf(IDataChunk.class, packet.chunks().get(1));
    IDataChunk hello = onlyChunk(12, IDataChunk.class);
    assertEquals(hello.tsn(), sack.cumulativeTsnAck());
    assertEquals("hello from pc1", text(hello));
    assertEquals("echo:hello from pc1", text(echo));
    assertEquals(PayloadProtocolId.STRING, echo.data().ppid());
    assertEquals(1, echo.data().mid(), "the second message on stream 1");
  }

  private static String text(IDataChunk chunk) {
    return new String(chunk.data().payload(), StandardCharsets.UTF_8);
  }

  private static <T extends Chunk> T onlyChunk(int packet, Class<T> type) {
    List<Chunk> chunks = PACKETS.get(packet).chunks();
    assertEquals(1, chunks.size(), "packet " + packet);
    return assertInstanceOf(type, chunks.get(0));
  }
}
