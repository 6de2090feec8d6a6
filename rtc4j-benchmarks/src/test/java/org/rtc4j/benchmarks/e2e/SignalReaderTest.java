package org.rtc4j.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Reading signaling lines from a process's stream, with a bound on every wait. */
class SignalReaderTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static SignalReader reading(String text) {
    return SignalReader.start(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "test-reader");
  }

  @Test
  void linesArriveInOrderPastJvmLogLinesThenTheEndIsReported() throws Exception {
    SignalReader reader =
        reading(
            "[0.390s][info][jfr,startup] Started recording 1.\n"
                + "READY dmVyc2lvbg== 2\r\n\nCOUNT 1 2 3 4\n");

    assertEquals(SignalLine.of("READY", "dmVyc2lvbg==", "2"), reader.next(WAIT));
    assertEquals(SignalLine.of("COUNT", "1", "2", "3", "4"), reader.next(WAIT));
    IOException end = assertThrows(IOException.class, () -> reader.next(WAIT));
    assertTrue(end.getMessage().contains("ended"), end.getMessage());
    // Asking again gets the same answer at once, not a timeout.
    assertThrows(IOException.class, () -> reader.next(Duration.ofMillis(1)));
  }

  @Test
  void aMalformedLineEndsTheReading() throws Exception {
    SignalReader reader = reading("BYE\nnot a line\nBYE\n");

    assertEquals(SignalLine.of("BYE"), reader.next(WAIT));
    IOException e = assertThrows(IOException.class, () -> reader.next(WAIT));
    assertTrue(e.getMessage().contains("malformed"), e.getMessage());
  }

  @Test
  void aLineWithoutEndBeyondTheLimitEndsTheReading() throws Exception {
    SignalReader reader = reading("X".repeat(SignalLine.MAX_LENGTH + 1));

    IOException e = assertThrows(IOException.class, () -> reader.next(WAIT));
    assertTrue(e.getMessage().contains("longer"), e.getMessage());
  }

  @Test
  void aSilentPeerTimesOut() throws Exception {
    try (PipedOutputStream out = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(out)) {
      SignalReader reader = SignalReader.start(in, "test-reader");

      assertThrows(TimeoutException.class, () -> reader.next(Duration.ofMillis(50)));
      out.write("CLOSED 3\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals(SignalLine.of("CLOSED", "3"), reader.next(WAIT));
    }
  }
}
