package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo page in a real headless Chromium, against the signaling server. Until rtc4j's peer
 * connections land, a second Chromium tab stands in for them: it answers the page's offer and
 * echoes every message. Chromium runs in a network namespace of its own, so WebRTC between its tabs
 * stays there; the page's HTTP requests reach the server through this JVM's loopback. Skipped where
 * there is no Chromium or no way to make a network namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageInChromiumTest {

  private static final Duration CONNECT = Duration.ofSeconds(30);

  // The stand-in for rtc4j: peer connections in a tab that echo every message back.
  private static final String ANSWERER =
      """
      window.sessions = new Map();
      window.answer = async (id, offer) => {
        const pc = new RTCPeerConnection({ iceServers: [] });
        const session = { pc, echoed: 0 };
        sessions.set(id, session);
        pc.ondatachannel = ({ channel }) => {
          channel.binaryType = 'arraybuffer';
          channel.onmessage = ({ data }) => { channel.send(data); session.echoed++; };
        };
        await pc.setRemoteDescription({ type: 'offer', sdp: offer });
        await pc.setLocalDescription(await pc.createAnswer());
        await new Promise((resolve) => {
          if (pc.iceGatheringState === 'complete') resolve();
          pc.addEventListener('icegatheringstatechange', () => {
            if (pc.iceGatheringState === 'complete') resolve();
          });
          setTimeout(resolve, 3000);
        });
        return pc.localDescription.sdp;
      };
      true;
      """;

  private HeadlessChromium chromium;
  private HeadlessChromium.Tab answerer;
  private BrowserSessionHost host;
  private SignalingServer server;

  @BeforeAll
  void launch() throws Exception {
    Optional<Path> binary = HeadlessChromium.find();
    assumeTrue(binary.isPresent(), "no Chromium here (set RTC4J_CHROMIUM to run this)");
    Optional<String> noNamespace = HeadlessChromium.namespaceUnavailable();
    assumeTrue(noNamespace.isEmpty(), () -> noNamespace.orElseThrow());
    chromium = HeadlessChromium.launch(binary.get());
    answerer = chromium.open(null, "about:blank");
    assertEquals(true, answerer.evaluate(ANSWERER));
  }

  @BeforeEach
  void start() {
    host = new BrowserSessionHost();
    server =
        SignalingServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), host);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @AfterAll
  void close() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aVisitorConnectsEchoesTextAndBinarySeesTheStatsAndDisconnects() throws Exception {
    HeadlessChromium.Tab page = openPage();
    assertEquals("none", state(page).get("connectionState"));

    Map<?, ?> connected = (Map<?, ?>) page.evaluate("demo.connect()", CONNECT);

    assertEquals("open", connected.get("channelState"));
    String session = (String) connected.get("session");
    assertTrue(session.startsWith(server.baseUri() + "session/b"), session);
    assertTrue(host.offers.get(0).contains("m=application"), "the offer has its data section");
    assertTrue(host.offers.get(0).contains("a=candidate:"), "the offer has its candidates");

    assertEquals("hello, rtc4j", page.evaluate("demo.send('hello, rtc4j')"));
    assertEquals("çà ✓ 😀", page.evaluate("demo.send('çà ✓ 😀')"));
    assertEquals(1024L, page.evaluate("demo.sendBinary(1024)"));
    assertEquals(
        List.of(
            Map.of("kind", "text", "data", "hello, rtc4j"),
            Map.of("kind", "text", "data", "çà ✓ 😀"),
            Map.of("kind", "binary", "bytes", 1024L)),
        page.evaluate("demo.received()"));

    // The panels refresh every second: wait (bounded) for the figures and the server's view, and
    // for the connection state, which Chromium may report a moment after the channel opened.
    assertEquals(
        true,
        page.evaluate(
            """
            new Promise((resolve, reject) => {
              const deadline = Date.now() + 5000;
              const look = () => {
                const figure = (name) => [...document.querySelectorAll('#stats dt')]
                    .find((term) => term.textContent === name)?.nextElementSibling.textContent;
                const stats = document.getElementById('stats').textContent;
                const session = document.getElementById('session').textContent;
                if (demo.state().connectionState === 'connected'
                    && figure('messages received') === '3' && figure('messages sent') === '3'
                    && figure('current RTT').endsWith(' ms') && session.includes('"echoed": 3')) {
                  resolve(true);
                } else if (Date.now() > deadline) {
                  reject(new Error('stats: ' + stats + ' / session: ' + session));
                } else {
                  setTimeout(look, 100);
                }
              };
              look();
            })
            """,
            Duration.ofSeconds(10)));

    page.evaluate("demo.disconnect()");

    assertEquals("none", state(page).get("connectionState"));
    assertEquals(List.of(session.substring(session.lastIndexOf('/') + 1)), host.closed);
    String log = (String) page.evaluate("document.getElementById('log').textContent");
    assertTrue(log.contains("sent: hello, rtc4j"), log);
    assertTrue(log.contains("echoed: 1024 bytes of binary"), log);
    assertTrue(log.contains("session closed"), log);
  }

  @Test
  void anOfferTheServerRefusesIsReportedAndLeavesThePageReadyToRetry() throws Exception {
    HeadlessChromium.Tab page = openPage();
    host.refuseNext = true;

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> page.evaluate("demo.connect()", CONNECT));

    assertTrue(refused.getMessage().contains("400"), refused.getMessage());
    assertEquals("none", state(page).get("connectionState"));
    assertEquals(false, page.evaluate("document.getElementById('connect').disabled"));
    String log = (String) page.evaluate("document.getElementById('log').textContent");
    assertTrue(log.contains("the server refused the offer: 400 not today"), log);
  }

  @Test
  void sendingBeforeConnectingIsRefusedAtOnce() throws Exception {
    HeadlessChromium.Tab page = openPage();

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> page.evaluate("demo.send('early')"));

    assertTrue(e.getMessage().contains("the channel is not open"), e.getMessage());
    assertEquals(true, page.evaluate("document.getElementById('send').disabled"));
  }

  private HeadlessChromium.Tab openPage() throws Exception {
    HeadlessChromium.Tab page = chromium.open(server.baseUri(), server.baseUri().toString());
    // The tab starts blank and the script is deferred: look (bounded) until the page's script has
    // run; a look that the navigation cuts short is tried again.
    String seen = null;
    for (int attempt = 0; attempt < 20 && !"ready".equals(seen); attempt++) {
      try {
        seen =
            (String)
                page.evaluate(
                    """
                    new Promise((resolve) => {
                      const deadline = Date.now() + 500;
                      const look = () => {
                        const ready = document.documentElement?.dataset.demo;
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
    assertEquals("ready", seen);
    return page;
  }

  private static Map<?, ?> state(HeadlessChromium.Tab page) throws Exception {
    return (Map<?, ?>) page.evaluate("demo.state()");
  }

  /** Opens sessions as peer connections in the answerer tab. */
  private final class BrowserSessionHost implements SessionHost {
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();
    final List<String> offers = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    volatile boolean refuseNext;

    @Override
    public Opened open(String offerSdp) {
      offers.add(offerSdp);
      if (refuseNext) {
        refuseNext = false;
        throw new IllegalArgumentException("not today");
      }
      String id = "b" + nextId.incrementAndGet();
      try {
        String answer =
            (String)
                answerer.evaluate(
                    "answer(" + Json.write(id) + ", " + Json.write(offerSdp) + ")",
                    Duration.ofSeconds(10));
        open.put(id, true);
        return new Opened(id, answer);
      } catch (Exception e) {
        throw new IllegalStateException("the answering tab failed", e);
      }
    }

    @Override
    public boolean close(String id) {
      if (open.remove(id) == null) {
        return false;
      }
      closed.add(id);
      try {
        answerer.evaluate(
            "sessions.get("
                + Json.write(id)
                + ").pc.close(); sessions.delete("
                + Json.write(id)
                + ")");
      } catch (Exception e) {
        throw new IllegalStateException("the answering tab failed", e);
      }
      return true;
    }

    @Override
    public Map<String, Object> describe(String id) {
      if (!open.containsKey(id)) {
        return null;
      }
      try {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", id);
        description.put("echoed", answerer.evaluate("sessions.get(" + Json.write(id) + ").echoed"));
        description.put(
            "connectionState",
            answerer.evaluate("sessions.get(" + Json.write(id) + ").pc.connectionState"));
        return description;
      } catch (Exception e) {
        throw new IllegalStateException("the answering tab failed", e);
      }
    }
  }
}
