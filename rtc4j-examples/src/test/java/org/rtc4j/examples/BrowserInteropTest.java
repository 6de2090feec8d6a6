package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.testkit.Browser;
import org.rtc4j.testkit.ChildProcess;
import org.rtc4j.testkit.NetworkNamespace;
import org.rtc4j.testkit.RealPeers;

/**
 * rtc4j's data channels against real headless browsers with their default settings (DTLS 1.3 and
 * 1.2 offered; rtc4j speaks 1.2). In a fresh network namespace with only loopback, {@link
 * InteropServer} (a JVM of this class path) serves the scenario page and runs rtc4j; the browser
 * runs every scenario in both directions (the browser offers and rtc4j echoes; rtc4j offers and
 * opens the channels) and reports each outcome, which the server prints as a {@code REPORT} line.
 * Skipped without the browser or root; failed then in CI.
 */
class BrowserInteropTest {
  private static final Duration SERVER_START = Duration.ofSeconds(20);
  private static final Duration ALL_SCENARIOS = Duration.ofSeconds(100);

  /** Every scenario the page runs, each in both directions. */
  static final List<String> SCENARIOS =
      List.of(
          "reliable",
          "unordered",
          "three-channels",
          "binary-and-text",
          "large-message",
          "burst",
          "close");

  static final List<String> DIRECTIONS = List.of("browser-offers", "rtc4j-offers");

  @ParameterizedTest
  @EnumSource(Browser.Kind.class)
  void everyScenarioPassesInBothDirections(Browser.Kind kind, @TempDir Path dir) throws Exception {
    RealPeers.assumeAvailable(kind);
    try (NetworkNamespace ns = NetworkNamespace.create("rtc4j-interop");
        ChildProcess server =
            ChildProcess.java(
                ns, InteropServer.class.getName(), List.of("0"), dir.resolve("server.log"))) {
      String listening = server.awaitLine(l -> l.startsWith("LISTENING "), SERVER_START);
      int port = Integer.parseInt(listening.substring("LISTENING ".length()));
      URI page = URI.create("http://127.0.0.1:" + port + "/interop.html");

      Map<String, Map<?, ?>> reports = new LinkedHashMap<>();
      try (Browser browser = Browser.launch(kind, ns, page, dir.resolve("browser"))) {
        try {
          long deadline = System.nanoTime() + ALL_SCENARIOS.toNanos();
          for (int i = 0; i <= SCENARIOS.size() * DIRECTIONS.size(); i++) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            String line = server.awaitLine(l -> l.startsWith("REPORT "), left);
            Map<?, ?> report = (Map<?, ?>) JsonParser.parse(line.substring("REPORT ".length()));
            System.out.println(kind + " " + line);
            if ("done".equals(report.get("scenario"))) {
              reports.put("done", report);
              break;
            }
            reports.put(report.get("scenario") + " " + report.get("direction"), report);
          }
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError(
              e.getMessage() + logs(kind, browser, server) + "\nreports so far: " + reports, e);
        }
        String logs = logs(kind, browser, server);
        List<Executable> checks = new ArrayList<>();
        checks.add(
            () ->
                assertEquals(
                    Boolean.TRUE,
                    reports.getOrDefault("done", Map.of()).get("ok"),
                    "the page ran to the end: " + reports.get("done") + logs));
        for (String scenario : SCENARIOS) {
          for (String direction : DIRECTIONS) {
            String key = scenario + " " + direction;
            checks.add(
                () -> {
                  Map<?, ?> report = reports.get(key);
                  assertTrue(report != null, key + ": no report" + logs);
                  assertEquals(Boolean.TRUE, report.get("ok"), key + ": " + report + logs);
                  assertDtls12(kind, key, report);
                });
          }
        }
        assertAll(kind + " interop", checks);
      }
    }
  }

  /**
   * The browser negotiated DTLS 1.2 with rtc4j although it offered 1.3 too, where its stats say so
   * (Chromium reports {@code tlsVersion} as the wire version in hex, {@code FEFD}).
   */
  private static void assertDtls12(Browser.Kind kind, String key, Map<?, ?> report) {
    Object transport = report.get("transport");
    if (!(transport instanceof Map<?, ?> t) || !(t.get("tlsVersion") instanceof String version)) {
      return;
    }
    assertTrue(
        version.equalsIgnoreCase("FEFD")
            || version.toUpperCase(java.util.Locale.ROOT).contains("1.2"),
        kind + " " + key + ": DTLS 1.2 expected, the browser reports " + t);
  }

  private static String logs(Browser.Kind kind, Browser browser, ChildProcess server) {
    return "\n--- "
        + kind
        + " log ---\n"
        + browser.logTail(60)
        + "\n--- server log ---\n"
        + server.logTail(80);
  }
}
