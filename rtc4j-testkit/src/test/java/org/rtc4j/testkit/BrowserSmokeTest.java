package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real-browser launchers work end to end: in a fresh network namespace, a page server (a JVM of
 * this test's class path) serves a page to a headless browser; the page connects two
 * RTCPeerConnections with a data channel over loopback, sends "ping", receives it, and reports back
 * what it saw. Skipped without the browser or root (failed in CI).
 */
class BrowserSmokeTest {
  private static final Duration SERVER_START = Duration.ofSeconds(20);
  private static final Duration REPORT = Duration.ofSeconds(60);

  /** A host candidate on 127.0.0.1 over UDP, as either browser writes it. */
  private static final Pattern LOOPBACK_UDP_HOST =
      Pattern.compile("candidate:\\S+ 1 (?i:udp) \\d+ 127\\.0\\.0\\.1 \\d+ typ host");

  private static final Pattern USER_AGENT = Pattern.compile("\"userAgent\":\"([^\"]*)\"");

  @ParameterizedTest
  @EnumSource(Browser.Kind.class)
  void aPageConnectsTwoPeerConnectionsOverLoopbackAndPings(Browser.Kind kind, @TempDir Path dir)
      throws Exception {
    RealPeers.assumeAvailable(kind);
    try (NetworkNamespace ns = NetworkNamespace.create("rtc4j-smoke");
        ChildProcess server =
            ChildProcess.java(
                ns, PageServer.class.getName(), List.of("0"), dir.resolve("server.log"))) {
      String listening = server.awaitLine(l -> l.startsWith("LISTENING "), SERVER_START);
      int port = Integer.parseInt(listening.substring("LISTENING ".length()));
      URI page = URI.create("http://127.0.0.1:" + port + "/smoke.html");

      try (Browser browser = Browser.launch(kind, ns, page, dir.resolve("browser"))) {
        String report;
        try {
          server.awaitLine("GET /smoke.html 200"::equals, REPORT);
          report = server.awaitLine(l -> l.startsWith("REPORT "), REPORT);
        } catch (AssertionError e) {
          throw new AssertionError(
              e.getMessage() + "\n--- " + kind + " log ---\n" + browser.logTail(60), e);
        }
        System.out.println(kind + " " + report);

        assertTrue(report.contains("\"ok\":true"), report);
        assertTrue(report.contains("\"received\":\"ping\""), report);
        assertTrue(report.contains("\"channel\":\"smoke\""), report);
        assertTrue(
            LOOPBACK_UDP_HOST.matcher(report).find(),
            "a 127.0.0.1 host candidate: the loopback settings work in the namespace: " + report);
        Matcher userAgent = USER_AGENT.matcher(report);
        assertTrue(userAgent.find(), report);
        String expected = kind == Browser.Kind.CHROMIUM ? "HeadlessChrome/" : "Firefox/";
        assertTrue(userAgent.group(1).contains(expected), userAgent.group(1));
        assertTrue(browser.isAlive(), "the browser runs until closed");
      }

      server.closeInput();
      assertEquals("STOPPED", server.awaitLine("STOPPED"::equals, SERVER_START));
      assertTrue(server.awaitExit(SERVER_START), "the page server exits when its stdin closes");
    }
  }
}
