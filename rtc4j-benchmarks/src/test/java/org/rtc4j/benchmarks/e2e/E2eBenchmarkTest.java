package org.rtc4j.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A short run of the whole harness: this JVM offers, a second JVM answers, over 127.0.0.1. It
 * checks that every figure is measured, not how good it is.
 */
class E2eBenchmarkTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aShortRunMeasuresEveryFigureAcrossTwoJvms() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<E2eBenchmark.Result> results;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      results =
          E2eBenchmark.run(
              new E2eBenchmark.Options(
                  1, 2, 20, List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1")),
              out);
    }

    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("answerer JVM: "), text);
    assertTrue(text.contains("| measurement"), text);
    // cold, certificates per connection, warm; four floods; round trip p50 and p99
    assertEquals(9, results.size(), results::toString);
    for (E2eBenchmark.Result r : results) {
      assertTrue(r.figure() > 0, () -> r + " is no measurement");
    }
    assertTrue(
        results.get(results.size() - 2).figure() <= results.get(results.size() - 1).figure(),
        "p50 at most p99");
  }

  @Test
  void theCommandLineIsReadStrictly() {
    E2eBenchmark.Options o =
        E2eBenchmark.Options.parse(
            new String[] {
              "--seconds", "3", "--round-trips", "10", "--peer-java-options", " -Xmx1g "
            });

    assertEquals(3, o.seconds());
    assertEquals(20, o.connections());
    assertEquals(10, o.roundTrips());
    assertEquals(List.of("-Xmx1g"), o.peerJavaOptions());
    assertThrows(
        IllegalArgumentException.class,
        () -> E2eBenchmark.Options.parse(new String[] {"--seconds"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> E2eBenchmark.Options.parse(new String[] {"--seconds", "0"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> E2eBenchmark.Options.parse(new String[] {"--fast", "1"}));
  }
}
