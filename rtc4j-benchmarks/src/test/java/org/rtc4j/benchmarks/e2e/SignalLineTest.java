package org.rtc4j.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The signaling lines between the two JVMs of the end-to-end benchmark. */
class SignalLineTest {
  private static final String SDP =
      "v=0\r\n"
          + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
          + "s=-\r\n"
          + "a=candidate:1 1 udp 2130706431 127.0.0.1 40000 typ host\r\n";

  @Test
  void anOfferTravelsAsOneLineAndComesBackWhole() {
    SignalLine offer = SignalLine.of("OFFER", "7", "reuse", SignalLine.text(SDP));

    String wire = offer.encode();

    assertFalse(wire.contains("\n"), wire);
    assertFalse(wire.contains("\r"), wire);
    assertTrue(wire.startsWith("OFFER 7 reuse "), wire);
    SignalLine read = SignalLine.parse(wire);
    assertEquals(offer, read);
    assertTrue(read.is("OFFER", 3));
    assertEquals(7, read.number(0));
    assertEquals(SDP, read.textField(2));
  }

  @Test
  void aLineWithoutFieldsIsItsVerb() {
    assertEquals("QUIT", SignalLine.of("QUIT").encode());
    assertEquals(SignalLine.of("QUIT"), SignalLine.parse("QUIT"));
    assertFalse(SignalLine.parse("QUIT").is("QUIT", 1));
  }

  @Test
  void emptyTextStillMakesAField() {
    String field = SignalLine.text("");

    assertEquals("=", field);
    assertEquals("", SignalLine.untext(field));
    assertEquals("", SignalLine.parse(SignalLine.of("ERROR", field).encode()).textField(0));
  }

  @Test
  void malformedLinesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SignalLine.parse(""));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.parse("offer 1"));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.parse("OFFER  1"));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.parse("OFFER 1 "));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.parse("OFFER 1\t2"));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.parse("OFFER é"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignalLine.parse("X " + "a".repeat(SignalLine.MAX_LENGTH)));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.untext("not base64!"));
  }

  @Test
  void aFieldCannotHideALineBreakOrASpace() {
    assertThrows(IllegalArgumentException.class, () -> SignalLine.of("ANSWER", "1", "a\nb"));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.of("ANSWER", "1", "a b"));
    assertThrows(IllegalArgumentException.class, () -> SignalLine.of("ANSWER", "1", ""));
    assertThrows(
        IllegalArgumentException.class, () -> new SignalLine("ANSWER", List.of("1", "\u007f")));
  }

  @Test
  void anyTextRoundTripsThroughALine() {
    qt().withFixedSeed(20261121L)
        .withExamples(500)
        .forAll(strings().allPossible().ofLengthBetween(0, 300))
        .checkAssert(
            text -> {
              String wire = SignalLine.of("ANSWER", "1", SignalLine.text(text)).encode();
              assertEquals(-1, wire.indexOf('\n'));
              // Unpaired surrogates cannot be UTF-8: they come back as '?', as Java encodes them.
              String expected =
                  new String(
                      text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                      java.nio.charset.StandardCharsets.UTF_8);
              assertEquals(expected, SignalLine.parse(wire).textField(1));
            });
  }
}
