package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rtc4j.testkit.Browser;
import org.rtc4j.testkit.ChildProcess;
import org.rtc4j.testkit.NetworkNamespace;
import org.rtc4j.testkit.RealPeers;

/**
 * The demo as a newcomer meets it (issue 8): the real {@link EchoDemo}, rtc4j peer connections and
 * all, in a process of its own, and its page in a real headless Chromium. Both run inside one fresh
 * network namespace that has only {@code lo}, so the page loads from the demo's 127.0.0.1 and
 * WebRTC connects over loopback host candidates, exactly as on a laptop without a network. The test
 * drives the page through its {@code window.demo} API over the DevTools pipe.
 *
 * <p>Real peers: skipped loudly where Chromium or network namespaces are missing, failed in CI
 * ({@link RealPeers}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPageTest {

  private static final Duration DEMO_START = Duration.ofSeconds(30);
  private static final Duration CONNECT = Duration.ofSeconds(30);
  private static final Duration PANELS = Duration.ofSeconds(10);

  // Records every request the page makes and its status (the last 1000).
  private static final String REQUEST_SPY =
      """
      window.requests = [];
      window.realFetch = window.realFetch || window.fetch;
      window.fetch = async (resource, init = {}) => {
        const response = await realFetch(resource, init);
        requests.push({
          method: init.method || 'GET',
          url: new URL(String(resource), location.href).href,
          status: response.status,
        });
        if (requests.length > 1000) requests.shift();
        return response;
      };
      true;
      """;

  // Spoils the next offer the page POSTs, so the demo refuses it; later requests go through.
  private static final String SPOIL_NEXT_OFFER =
      """
      window.realFetch = window.realFetch || window.fetch;
      window.fetch = (resource, init = {}) => {
        if (String(resource) !== '/offer') return realFetch(resource, init);
        window.fetch = realFetch;
        return realFetch(resource, { ...init, body: 'v=0\\r\\nthis is no offer\\r\\n' });
      };
      true;
      """;

  private NetworkNamespace namespace;
  private ChildProcess demo;
  private HeadlessChromium chromium;
  private URI demoUri;
  private HeadlessChromium.Tab page;

  @BeforeAll
  void startTheDemoAndTheBrowserInOneNamespace(@TempDir Path scratch) throws Exception {
    // Chromium installed, and network namespaces usable (root, iproute2); else skip, or fail in CI.
    RealPeers.assumeAvailable(Browser.Kind.CHROMIUM);
    namespace = NetworkNamespace.create("rtc4j-demo");
    demo =
        ChildProcess.java(
            namespace,
            EchoDemo.class.getName(),
            List.of("--port", "0"),
            scratch.resolve("demo.log"));
    String opened = demo.awaitLine(line -> line.startsWith("rtc4j demo: open "), DEMO_START);
    demoUri = URI.create(opened.substring("rtc4j demo: open ".length()).trim());
    assertEquals("127.0.0.1", demoUri.getHost(), opened);
    chromium =
        HeadlessChromium.launch(
            Browser.executable(Browser.Kind.CHROMIUM).orElseThrow(),
            namespace,
            scratch.resolve("chromium"));
  }

  @AfterEach
  void closeThePage() throws Exception {
    if (page != null) {
      page.close();
      page = null;
    }
  }

  @AfterAll
  void stopEverything() {
    if (chromium != null) {
      chromium.close();
    }
    if (demo != null) {
      demo.close();
    }
    if (namespace != null) {
      namespace.close();
    }
  }

  @Test
  void aVisitorConnectsToRtc4jEchoesTextAndBinarySeesTheSessionAndDisconnects() throws Exception {
    page = openPage();
    assertEquals(true, page.evaluate(REQUEST_SPY));
    assertEquals("none", state().get("connectionState"));

    Map<?, ?> connected = (Map<?, ?>) page.evaluate("demo.connect()", CONNECT);

    assertEquals("open", connected.get("channelState"), () -> "connected: " + connected);
    String session = (String) connected.get("session");
    assertTrue(session.startsWith(demoUri.resolve("/session/").toString()), session);

    // rtc4j echoes each message on the channel, with its type and bytes.
    String accented = "çà ✓ 😀";
    assertEquals("hello, rtc4j", page.evaluate("demo.send('hello, rtc4j')"));
    assertEquals(accented, page.evaluate("demo.send('" + accented + "')"));
    assertEquals(1024L, page.evaluate("demo.sendBinary(1024)"));
    assertEquals(
        List.of(
            Map.of("kind", "text", "data", "hello, rtc4j"),
            Map.of("kind", "text", "data", accented),
            Map.of("kind", "binary", "bytes", 1024L)),
        page.evaluate("demo.received()"));

    // The panels refresh every second: wait (bounded) until the browser's figures and the
    // session as rtc4j describes it (GET /session/<id>) have caught up, and keep the latter.
    Map<?, ?> described = (Map<?, ?>) page.evaluate(sessionPanelShowsThreeEchoes(), PANELS);

    assertEquals("connected", state().get("connectionState"));
    assertEquals("connected", described.get("connectionState"), described::toString);
    assertEquals(3L, described.get("messagesEchoed"), described::toString);
    long bytes = "hello, rtc4j".length() + accented.getBytes(StandardCharsets.UTF_8).length + 1024;
    assertEquals(bytes, described.get("bytesEchoed"), described::toString);
    Map<?, ?> channel = (Map<?, ?>) ((List<?>) described.get("channels")).get(0);
    assertEquals("echo", channel.get("label"), described::toString);
    assertEquals("open", channel.get("readyState"), described::toString);
    // The only interface in the namespace is lo: the pair rtc4j selected is on 127.0.0.1.
    assertTrue(String.valueOf(described.get("local")).contains("127.0.0.1"), described::toString);
    assertTrue(String.valueOf(described.get("remote")).contains("127.0.0.1"), described::toString);

    page.evaluate("demo.disconnect()");

    assertEquals("none", state().get("connectionState"));
    assertEquals(
        List.of(200L),
        page.evaluate(
            "requests.filter((r) => r.method === 'DELETE' && r.url === "
                + Json.write(session)
                + ").map((r) => r.status)"),
        "the DELETE of the session");
    assertEquals(
        404L,
        page.evaluate("realFetch(" + Json.write(session) + ").then((r) => r.status)"),
        "the session is gone");
    String log = logText();
    assertTrue(log.contains("sent: hello, rtc4j"), log);
    assertTrue(log.contains("echoed: 1024 bytes of binary"), log);
    assertTrue(log.contains("session closed"), log);
  }

  @Test
  void anOfferTheDemoRefusesIsReportedAndTheNextConnectSucceeds() throws Exception {
    page = openPage();
    assertEquals(true, page.evaluate(SPOIL_NEXT_OFFER));

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> page.evaluate("demo.connect()", CONNECT));

    assertTrue(
        refused.getMessage().contains("the server refused the offer: 400"), refused::getMessage);
    assertEquals("none", state().get("connectionState"));
    assertEquals(false, page.evaluate("document.getElementById('connect').disabled"));
    String log = logText();
    assertTrue(log.contains("the server refused the offer: 400"), log);

    Map<?, ?> connected = (Map<?, ?>) page.evaluate("demo.connect()", CONNECT);

    assertEquals("open", connected.get("channelState"), () -> "connected: " + connected);
    assertEquals("again", page.evaluate("demo.send('again')"));
    page.evaluate("demo.disconnect()");
    assertTrue(logText().contains("session closed"), this::logText);
  }

  @Test
  void sendingBeforeConnectingIsRefusedAtOnce() throws Exception {
    page = openPage();

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> page.evaluate("demo.send('early')"));

    assertTrue(e.getMessage().contains("the channel is not open"), e.getMessage());
    assertEquals(true, page.evaluate("document.getElementById('send').disabled"));
  }

  private HeadlessChromium.Tab openPage() throws Exception {
    HeadlessChromium.Tab tab = chromium.open(demoUri);
    // The script is deferred: look (bounded) until it has run; a look that the navigation cuts
    // short is tried again.
    String seen = null;
    for (int attempt = 0; attempt < 20 && !"ready".equals(seen); attempt++) {
      try {
        seen =
            (String)
                tab.evaluate(
                    """
                    new Promise((resolve) => {
                      const deadline = Date.now() + 500;
                      const look = () => {
                        const ready = location.href !== 'about:blank'
                            && document.documentElement?.dataset.demo;
                        if (ready || Date.now() > deadline) resolve(ready || 'not ready');
                        else setTimeout(look, 20);
                      };
                      look();
                    })
                    """);
      } catch (IllegalStateException navigating) {
        seen = navigating.getMessage();
      }
    }
    assertEquals(
        "ready",
        seen,
        () -> "the page at " + demoUri + "; Chromium's log:\n" + chromium.logTail(20));
    return tab;
  }

  // Resolves with the session panel's JSON once the panels show three messages each way and rtc4j
  // reports three echoes; rejects with what they show after 5 s.
  private static String sessionPanelShowsThreeEchoes() {
    return """
        new Promise((resolve, reject) => {
          const deadline = Date.now() + 5000;
          const look = () => {
            const figure = (name) => [...document.querySelectorAll('#stats dt')]
                .find((term) => term.textContent === name)?.nextElementSibling.textContent;
            const shown = document.getElementById('session').textContent;
            let session = null;
            try { session = JSON.parse(shown); } catch (notYet) { session = null; }
            if (figure('messages received') === '3' && figure('messages sent') === '3'
                && figure('current RTT').endsWith(' ms') && session?.messagesEchoed === 3) {
              resolve(session);
            } else if (Date.now() > deadline) {
              reject(new Error('stats: ' + document.getElementById('stats').textContent
                  + ' / session: ' + shown));
            } else {
              setTimeout(look, 100);
            }
          };
          look();
        })
        """;
  }

  private Map<?, ?> state() throws Exception {
    return (Map<?, ?>) page.evaluate("demo.state()");
  }

  private String logText() {
    try {
      return (String) page.evaluate("document.getElementById('log').textContent");
    } catch (Exception e) {
      throw new IllegalStateException("reading the page's log", e);
    }
  }
}
