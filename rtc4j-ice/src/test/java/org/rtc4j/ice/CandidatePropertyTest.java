package org.rtc4j.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

/** Property tests of the candidate parser, with QuickTheories on a fixed seed. */
class CandidatePropertyTest {
  static final long SEED = 0xCA_2026L;

  @Test
  void anyTextIsACandidateOrAParseException() {
    qt().withFixedSeed(SEED)
        .withExamples(20_000)
        .forAll(strings().allPossible().ofLengthBetween(0, 80))
        .checkAssert(CandidatePropertyTest::parseOrParseException);
  }

  @Test
  void mutatedBrowserLinesAreCandidatesOrParseExceptions() {
    List<String> lines = CandidateTest.BROWSER_LINES;
    qt().withFixedSeed(SEED)
        .withExamples(20_000)
        .forAll(
            integers().between(0, lines.size() - 1),
            integers().between(0, 199),
            integers().between(0, 127))
        .checkAssert(
            (which, at, c) -> {
              StringBuilder b = new StringBuilder(lines.get(which));
              b.setCharAt(at % b.length(), (char) (int) c);
              parseOrParseException(b.toString());
            });
  }

  @Test
  void everyValidCandidateRoundTrips() {
    qt().withFixedSeed(SEED)
        .withExamples(5_000)
        .forAll(
            integers().between(1, 256),
            longs().between(0, 0xFFFF_FFFFL),
            integers().between(0, 65535),
            integers().between(0, CandidateType.values().length - 1))
        .checkAssert(
            (component, priority, port, type) -> {
              Candidate c =
                  new Candidate(
                      "f" + port,
                      component,
                      port % 2 == 0 ? "udp" : "TCP",
                      priority,
                      port % 3 == 0 ? "2001:db8::" + Integer.toHexString(port) : "192.0.2.9",
                      port,
                      CandidateType.values()[type],
                      port % 5 == 0 ? "10.0.0.1" : null,
                      port % 7 == 0 ? port : -1,
                      List.of(new CandidateExtension("generation", "0")));
              try {
                assertEquals(c, Candidate.parse(c.toString()));
              } catch (ParseException e) {
                throw new AssertionError(c.toString(), e);
              }
            });
  }

  static void parseOrParseException(String line) {
    try {
      Candidate c = Candidate.parse(line);
      c.toString();
      c.socketAddress();
      c.relatedSocketAddress();
    } catch (ParseException expected) {
      // the only way bad input is reported
    }
  }
}
