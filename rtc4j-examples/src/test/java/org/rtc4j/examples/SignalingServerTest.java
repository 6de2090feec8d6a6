package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignalingServerTest {

  private static final String OFFER =
      "v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
          + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final FakeSessionHost host = new FakeSessionHost();
  private SignalingServer server;

  @BeforeEach
  void start() {
    server =
        SignalingServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), host);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  // ---- POST /offer ---------------------------------------------------------------------------

  @Test
  void anOfferIsAnsweredWith201TheAnswerAndTheSessionsLocation() throws Exception {
    HttpResponse<String> response = postOffer("application/sdp", OFFER);

    assertEquals(201, response.statusCode());
    assertEquals("application/sdp", header(response, "Content-Type"));
    assertEquals("/session/s1", header(response, "Location"));
    assertEquals(FakeSessionHost.ANSWER, response.body());
    assertEquals(List.of(OFFER), host.offers());
    assertTrue(host.isOpen("s1"));
  }

  @Test
  void theLocationResolvesToTheSessionItNames() throws Exception {
    HttpResponse<String> created = postOffer("application/sdp", OFFER);
    URI session = created.uri().resolve(header(created, "Location"));

    HttpResponse<String> described = send(HttpRequest.newBuilder(session).GET());

    assertEquals(200, described.statusCode());
    assertEquals("s1", ((Map<?, ?>) JsonParser.parse(described.body())).get("id"));
  }

  @Test
  void theMediaTypeIsMatchedWithoutRegardToCaseOrParameters() throws Exception {
    assertEquals(201, postOffer("Application/SDP; charset=utf-8", OFFER).statusCode());
  }

  @Test
  void anOfferTheHostRefusesGets400WithTheHostsReason() throws Exception {
    HttpResponse<String> response = postOffer("application/sdp", OFFER + "a=REFUSE\r\n");

    assertEquals(400, response.statusCode());
    assertEquals("text/plain; charset=utf-8", header(response, "Content-Type"));
    assertEquals("no m=application section to answer\n", response.body());
  }

  @Test
  void anEmptyOfferGets400WithoutBotheringTheHost() throws Exception {
    HttpResponse<String> response = postOffer("application/sdp", "");

    assertEquals(400, response.statusCode());
    assertEquals(List.of(), host.offers());
  }

  @Test
  void anOfferInAnotherMediaTypeGets415() throws Exception {
    HttpResponse<String> json = postOffer("application/json", "{\"sdp\":\"v=0\"}");
    HttpResponse<String> none =
        send(HttpRequest.newBuilder(uri("/offer")).POST(BodyPublishers.ofString(OFFER)));

    assertEquals(415, json.statusCode());
    assertEquals(415, none.statusCode());
    assertEquals(List.of(), host.offers());
  }

  @Test
  void anOfferOfExactlyTheLimitIsAccepted() throws Exception {
    String offer = padded(SignalingServer.MAX_OFFER_BYTES);

    assertEquals(201, postOffer("application/sdp", offer).statusCode());
    assertEquals(SignalingServer.MAX_OFFER_BYTES, host.offers().get(0).length());
  }

  @Test
  void anOfferOneByteOverTheLimitGets413() throws Exception {
    HttpResponse<String> response =
        postOffer("application/sdp", padded(SignalingServer.MAX_OFFER_BYTES + 1));

    assertEquals(413, response.statusCode());
    assertEquals(List.of(), host.offers());
  }

  @Test
  void anOversizedOfferOfUndeclaredLengthGets413Too() throws Exception {
    byte[] body = padded(4 * SignalingServer.MAX_OFFER_BYTES).getBytes(StandardCharsets.US_ASCII);
    // A body from a stream has no Content-Length: it is sent chunked, and only counting stops it.
    BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/offer"))
                .header("Content-Type", "application/sdp")
                .POST(chunked));

    assertEquals(413, response.statusCode());
    assertEquals(List.of(), host.offers());
  }

  @Test
  void aHostThatBreaksGets500AndTheServerGoesOn() throws Exception {
    HttpResponse<String> broken = postOffer("application/sdp", OFFER + "a=EXPLODE\r\n");
    HttpResponse<String> next = postOffer("application/sdp", OFFER);

    assertEquals(500, broken.statusCode());
    assertFalse(broken.body().contains("the host broke"), "internals stay in the log");
    assertEquals(201, next.statusCode());
  }

  @Test
  void aSessionTheServerCannotNameIsClosedAndTheOfferGets500() throws Exception {
    HttpResponse<String> slash = postOffer("application/sdp", OFFER + "a=BAD-ID\r\n");
    HttpResponse<String> dots = postOffer("application/sdp", OFFER + "a=DOTS-ID\r\n");

    assertEquals(500, slash.statusCode());
    assertEquals(500, dots.statusCode());
    assertEquals(List.of("a/b", ".."), host.closed());
  }

  @Test
  void anyOtherMethodOnTheOfferGets405WithAllow() throws Exception {
    HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/offer")).GET());
    HttpResponse<String> put =
        send(HttpRequest.newBuilder(uri("/offer")).PUT(BodyPublishers.ofString(OFFER)));

    assertEquals(405, get.statusCode());
    assertEquals("POST", header(get, "Allow"));
    assertEquals(405, put.statusCode());
    assertEquals(List.of(), host.offers());
  }

  @Test
  void manyOffersAtOnceAreAllAnsweredUnderDistinctNames() throws Exception {
    int offers = 3 * (SignalingServer.WORKER_THREADS + 2);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < offers; i++) {
      HttpRequest request =
          offerRequest("application/sdp", OFFER).timeout(Duration.ofSeconds(10)).build();
      responses.add(client.sendAsync(request, BodyHandlers.ofString()));
    }

    Set<String> locations = new HashSet<>();
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      HttpResponse<String> done = response.get(10, TimeUnit.SECONDS);
      assertEquals(201, done.statusCode());
      locations.add(header(done, "Location"));
    }
    assertEquals(offers, locations.size());
  }

  // ---- /session/<id> -------------------------------------------------------------------------

  @Test
  void deletingASessionClosesItAndASecondDeleteFindsNothing() throws Exception {
    postOffer("application/sdp", OFFER);

    HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/session/s1")).DELETE());
    HttpResponse<String> second = send(HttpRequest.newBuilder(uri("/session/s1")).DELETE());

    assertEquals(200, first.statusCode());
    assertEquals(List.of("s1"), host.closed());
    assertFalse(host.isOpen("s1"));
    assertEquals(404, second.statusCode());
  }

  @Test
  void deletingAnUnknownSessionGets404() throws Exception {
    assertEquals(404, send(HttpRequest.newBuilder(uri("/session/nobody")).DELETE()).statusCode());
    assertEquals(404, send(HttpRequest.newBuilder(uri("/session/")).DELETE()).statusCode());
    assertEquals(404, send(HttpRequest.newBuilder(uri("/session/s1/x")).DELETE()).statusCode());
    assertEquals(List.of(), host.closed());
  }

  @Test
  void aSessionIsDescribedInWellFormedJson() throws Exception {
    postOffer("application/sdp", OFFER);

    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/session/s1")).GET());

    assertEquals(200, response.statusCode());
    assertEquals("application/json; charset=utf-8", header(response, "Content-Type"));
    assertEquals("no-store", header(response, "Cache-Control"));
    Map<?, ?> description = (Map<?, ?>) JsonParser.parse(response.body());
    assertEquals("connected", description.get("connectionState"));
    assertEquals(true, description.get("dtlsDone"));
    assertEquals(1.5, description.get("rttMillis"));
    assertEquals("a \"quoted\" line\nand a tab\t", description.get("remark"));
    assertTrue(description.containsKey("selectedPair"));
    assertEquals(
        List.of(Map.of("label", "echo", "readyState", "open", "messagesEchoed", 3L)),
        description.get("channels"));
  }

  @Test
  void describingAnUnknownSessionGets404() throws Exception {
    assertEquals(404, send(HttpRequest.newBuilder(uri("/session/s9")).GET()).statusCode());
  }

  @Test
  void anyOtherMethodOnASessionGets405WithAllow() throws Exception {
    postOffer("application/sdp", OFFER);

    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri("/session/s1")).POST(BodyPublishers.ofString("x")));

    assertEquals(405, response.statusCode());
    assertEquals("GET, DELETE", header(response, "Allow"));
    assertTrue(host.isOpen("s1"));
  }

  // ---- the page ------------------------------------------------------------------------------

  @Test
  void thePageIsServedAsHtmlWithEveryDocumentedElement() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/")).GET());

    assertEquals(200, response.statusCode());
    assertEquals("text/html; charset=utf-8", header(response, "Content-Type"));
    assertTrue(header(response, "Content-Security-Policy").contains("connect-src 'self'"));
    String page = response.body();
    for (String id :
        List.of(
            "connect",
            "disconnect",
            "message",
            "send",
            "send-binary",
            "state",
            "stats",
            "session",
            "log")) {
      assertTrue(page.contains("id=\"" + id + "\""), "element #" + id);
      assertTrue(page.contains("#" + id + " "), "#" + id + " documented");
    }
    assertEquals(page, send(HttpRequest.newBuilder(uri("/index.html")).GET()).body());
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws Exception {
    for (String path : List.of("/", "/app.js", "/style.css")) {
      String body = send(HttpRequest.newBuilder(uri(path)).GET()).body();
      Matcher external = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(body);
      assertFalse(external.find(), () -> path + " names " + external.group());
    }
  }

  @Test
  void theScriptAndStyleAreServedWithTheirTypes() throws Exception {
    HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/app.js")).GET());
    HttpResponse<String> style = send(HttpRequest.newBuilder(uri("/style.css")).GET());

    assertEquals(200, script.statusCode());
    assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type"));
    assertTrue(script.body().contains("window.demo"));
    assertTrue(script.body().contains("createDataChannel('echo')"));
    assertEquals(200, style.statusCode());
    assertEquals("text/css; charset=utf-8", header(style, "Content-Type"));
  }

  @Test
  void thePageIsOnlyRead() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri("/")).POST(BodyPublishers.ofString("x")));

    assertEquals(405, response.statusCode());
    assertEquals("GET", header(response, "Allow"));
  }

  @Test
  void anythingElseGets404() throws Exception {
    for (String path :
        List.of(
            "/nothing", "/web/app.js", "/org/rtc4j/examples/web/app.js", "/app.js/", "/offer/x")) {
      assertEquals(404, send(HttpRequest.newBuilder(uri(path)).GET()).statusCode(), path);
    }
  }

  // ---- the server's life ---------------------------------------------------------------------

  @Test
  void theBaseUriIsWhereThePageIs() throws Exception {
    URI base = server.baseUri();

    assertEquals("http", base.getScheme());
    assertEquals("127.0.0.1", base.getHost());
    assertTrue(base.getPort() > 0);
    assertEquals("/", base.getPath());
  }

  @Test
  void theBaseUriOfAWildcardOrIpv6BindingIsOneABrowserCanOpen() throws Exception {
    assertEquals(
        URI.create("http://127.0.0.1:8080/"),
        SignalingServer.browsableUri(
            new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8080)));
    assertEquals(
        URI.create("http://[0:0:0:0:0:0:0:1]:9/"),
        SignalingServer.browsableUri(new InetSocketAddress(InetAddress.getByName("::1"), 9)));
  }

  @Test
  void closingFreesThePortAndEndsTheWorkers() throws Exception {
    int port = server.baseUri().getPort();
    assertEquals(200, send(HttpRequest.newBuilder(uri("/")).GET()).statusCode());

    server.close();
    server.close();

    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("rtc4j-signaling-")) {
        thread.join(2000);
        assertFalse(thread.isAlive(), thread.getName() + " outlived the server");
      }
    }
    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                        BodyHandlers.ofString()));
    assertTrue(
        refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
        refused.toString());
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertEquals(port, again.getLocalPort());
    }
  }

  @Test
  void aPortInUseIsReported() {
    InetSocketAddress taken =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.baseUri().getPort());

    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> SignalingServer.start(taken, host));
    assertTrue(e.getMessage().contains("cannot bind"), e.getMessage());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private URI uri(String path) {
    return server.baseUri().resolve(path);
  }

  private HttpRequest.Builder offerRequest(String contentType, String body) {
    return HttpRequest.newBuilder(uri("/offer"))
        .header("Content-Type", contentType)
        .POST(BodyPublishers.ofString(body));
  }

  private HttpResponse<String> postOffer(String contentType, String body) throws Exception {
    return send(offerRequest(contentType, body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  // An offer of exactly n bytes: the real offer, then attribute lines to fill it.
  private static String padded(int n) {
    StringBuilder sdp = new StringBuilder(OFFER);
    while (sdp.length() < n) {
      sdp.append("a=x-pad:").append("p".repeat(Math.max(0, Math.min(60, n - sdp.length() - 10))));
      sdp.append("\r\n");
    }
    sdp.setLength(n);
    return sdp.toString();
  }
}
