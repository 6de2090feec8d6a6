package org.rtc4j.srtp.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3711 Appendix A: the index guessed from the highest index and a sequence number. */
class RolloverCounterTest {

  @Test
  void theFirstPacketHasRocZero() {
    assertEquals(65000, RolloverCounter.estimate(-1, 65000));
  }

  @ParameterizedTest(name = "highest ROC {0} SEQ {1}, SEQ {2} -> ROC {3}")
  @CsvSource({
    // s_l < 2^15: a SEQ more than 2^15 above s_l belongs to the previous ROC.
    "5, 100, 101, 5",
    "5, 100, 32868, 5",
    "5, 100, 32869, 4",
    "5, 100, 65535, 4",
    "5, 100, 0, 5",
    // s_l >= 2^15: a SEQ more than 2^15 below s_l belongs to the next ROC.
    "5, 65530, 65535, 5",
    "5, 65530, 0, 6",
    "5, 65530, 32761, 6",
    "5, 65530, 32762, 5",
    "0, 32768, 0, 0",
    "0, 32769, 0, 1",
  })
  void guessesTheRolloverCounter(long roc, int highestSeq, int seq, long expectedRoc) {
    long highest = (roc << 16) | highestSeq;
    assertEquals((expectedRoc << 16) | seq, RolloverCounter.estimate(highest, seq));
  }

  @Test
  void aGuessBeforeTheFirstRolloverOrAfterTheLastIsNone() {
    assertEquals(-1, RolloverCounter.estimate(100, 65000));
    assertEquals(-1, RolloverCounter.estimate(RolloverCounter.MAX_INDEX, 3));
    assertEquals(
        RolloverCounter.MAX_INDEX, RolloverCounter.estimate(RolloverCounter.MAX_INDEX - 1, 65535));
  }
}
