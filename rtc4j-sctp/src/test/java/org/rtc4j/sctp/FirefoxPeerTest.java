package org.rtc4j.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.sctp.packet.CookieAckChunk;
import org.rtc4j.sctp.packet.CookieEchoChunk;
import org.rtc4j.sctp.packet.ForwardTsnSupportedParameter;
import org.rtc4j.sctp.packet.InitAckChunk;
import org.rtc4j.sctp.packet.Parameter;
import org.rtc4j.sctp.packet.SackChunk;
import org.rtc4j.sctp.packet.SctpPacket;
import org.rtc4j.sctp.packet.SupportedExtensionsParameter;

/**
 * Our association answering what Firefox 153 really sent (the capture in the fixtures): its INIT,
 * then a COOKIE-ECHO made the way Firefox makes one, then its I-DATA carrying a DCEP OPEN, with the
 * verification tag changed to ours and the checksum recomputed.
 */
class FirefoxPeerTest {
  @Test
  void firefoxsInitAndIDataAreUnderstood() throws IOException, ParseException {
    List<String> lines = capture();
    byte[] firefoxInit = packet(lines.get(0));
    byte[] firefoxIData = packet(lines.get(8));
    SctpAssociation us =
        new SctpAssociation(SctpConfig.builder().build(), RandomSource.seeded(153));

    us.handleRead(firefoxInit, 0, firefoxInit.length, 0);
    SctpPacket answer = parse(us.pollWrite());
    assertEquals(0x0ba22a8b, answer.verificationTag(), "addressed with Firefox's initiate tag");
    InitAckChunk initAck = assertInstanceOf(InitAckChunk.class, answer.chunks().get(0));
    assertTrue(has(initAck.parameters(), ForwardTsnSupportedParameter.class));
    SupportedExtensionsParameter extensions =
        (SupportedExtensionsParameter)
            initAck.parameters().stream()
                .filter(SupportedExtensionsParameter.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertTrue(extensions.supports(64) && extensions.supports(130) && extensions.supports(192));
    assertEquals(SctpState.CLOSED, us.state(), "an INIT alone makes no state (RFC 9260 §5.1)");

    int ourTag = initAck.initiateTag();
    byte[] cookie = initAck.stateCookie().orElseThrow().cookie();
    byte[] echo =
        new SctpPacket(5000, 5000, ourTag, List.of(new CookieEchoChunk(cookie))).toBytes(false);
    us.handleRead(echo, 0, echo.length, 1_000_000);
    assertInstanceOf(CookieAckChunk.class, parse(us.pollWrite()).chunks().get(0));
    assertInstanceOf(SctpEvent.Connected.class, us.pollEvent());
    assertTrue(us.interleaving(), "Firefox offers I-DATA, and so do we");

    SctpPacket captured = SctpPacket.parse(firefoxIData, 0, firefoxIData.length, false);
    byte[] data = new SctpPacket(5000, 5000, ourTag, captured.chunks()).toBytes(false);
    us.handleRead(data, 0, data.length, 2_000_000);
    SctpEvent.MessageReceived open =
        assertInstanceOf(SctpEvent.MessageReceived.class, us.pollEvent());
    assertEquals(PayloadProtocolId.DCEP, open.ppid());
    assertEquals(1, open.streamId(), "the DTLS server's first channel");
    assertEquals(3, open.payload()[0], "DATA_CHANNEL_OPEN");
    assertArrayEquals(
        "test".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        java.util.Arrays.copyOfRange(
            open.payload(), open.payload().length - 4, open.payload().length));

    // The first DATA is acknowledged at once (RFC 9260 §6.2: SACK the first packet of data).
    us.handleTimeout(2_000_000);
    byte[] next = us.pollWrite();
    assertNotNull(next);
    SackChunk sack = assertInstanceOf(SackChunk.class, parse(next).chunks().get(0));
    assertEquals(0xf4484846, sack.cumulativeTsnAck(), "Firefox's initial TSN");
    assertEquals(0, us.drops().total());
  }

  /** The capture's packet lines. */
  private static List<String> capture() throws IOException {
    try (java.io.InputStream in =
        FirefoxPeerTest.class.getResourceAsStream(
            "/org/rtc4j/sctp/packet/firefox153-sctp-over-dtls.hex")) {
      assertNotNull(in);
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }

  private static byte[] packet(String line) {
    return HexFormat.of().parseHex(line.split(" ")[1]);
  }

  private static SctpPacket parse(byte[] bytes) throws ParseException {
    assertNotNull(bytes);
    return SctpPacket.parse(bytes, 0, bytes.length, false);
  }

  private static boolean has(List<Parameter> parameters, Class<?> type) {
    return parameters.stream().anyMatch(type::isInstance);
  }
}
