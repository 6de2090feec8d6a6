package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EchoDemoTest {

  @Test
  void withoutArgumentsTheDemoServesLoopbackOn8080() {
    EchoDemo.Options options = EchoDemo.Options.parse();

    assertEquals(8080, options.port());
    assertEquals("127.0.0.1", options.bind());
    assertFalse(options.help());
  }

  @Test
  void portAndAddressAreTakenInEitherSpelling() {
    EchoDemo.Options spaced = EchoDemo.Options.parse("--port", "9000", "--bind", "::1");
    EchoDemo.Options joined = EchoDemo.Options.parse("--bind=0.0.0.0", "--port=0");

    assertEquals(new EchoDemo.Options(9000, "::1", false), spaced);
    assertEquals(new EchoDemo.Options(0, "0.0.0.0", false), joined);
    assertEquals(9000, spaced.address().getPort());
    assertTrue(spaced.address().getAddress().isLoopbackAddress());
  }

  @Test
  void aLaterOptionOverridesAnEarlierOne() {
    assertEquals(7, EchoDemo.Options.parse("--port", "6", "--port", "7").port());
  }

  @Test
  void helpIsAskedForEitherWay() {
    assertTrue(EchoDemo.Options.parse("--help").help());
    assertTrue(EchoDemo.Options.parse("--port", "1", "-h").help());
    assertTrue(EchoDemo.USAGE.contains("--port N") && EchoDemo.USAGE.contains("--bind ADDRESS"));
  }

  @Test
  void aBadCommandLineSaysWhatIsWrong() {
    assertEquals("unknown argument: --verbose", failure("--verbose"));
    assertEquals("unknown argument: 8080", failure("8080"));
    assertEquals("--port needs a value", failure("--port"));
    assertEquals("--bind needs a value", failure("--port", "1", "--bind"));
    assertEquals("--port needs a number, not 'eighty'", failure("--port", "eighty"));
    assertEquals("--port needs a number, not ''", failure("--port="));
    assertEquals("--port must be 0 to 65535, not 65536", failure("--port", "65536"));
    assertEquals("--port must be 0 to 65535, not -1", failure("--port=-1"));
    assertEquals("--bind needs an address", failure("--bind="));
  }

  @Test
  void launchingPrintsWhereToOpenThePageAndServesIt() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EchoDemo.Options options = EchoDemo.Options.parse("--port", "0");

    try (SignalingServer server =
        EchoDemo.launch(
            options,
            new FakeSessionHost(),
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      assertEquals(
          "rtc4j demo: open " + server.baseUri() + System.lineSeparator(),
          printed.toString(StandardCharsets.UTF_8));
      HttpResponse<String> page = get(server.baseUri());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("rtc4j echo demo"));
    }
  }

  @Test
  void theEchoHostRefusesAMalformedOfferWith400AndKnowsNoSuchSession() throws Exception {
    SessionHost host = EchoDemo.echoHost();
    try (SignalingServer server =
        EchoDemo.launch(
            EchoDemo.Options.parse("--port=0"),
            host,
            new PrintStream(OutputStream.nullOutputStream()))) {
      assertFalse(host.close("s1"));
      assertNull(host.describe("s1"));
      HttpResponse<String> offer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve("/offer"))
                      .header("Content-Type", "application/sdp")
                      .POST(BodyPublishers.ofString("v=0\r\n"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  BodyHandlers.ofString());
      assertEquals(400, offer.statusCode());
      assertTrue(offer.body().contains("SDP"), offer.body());
      assertEquals(200, get(server.baseUri().resolve("/app.js")).statusCode());
    } finally {
      ((AutoCloseable) host).close();
    }
  }

  private static String failure(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> EchoDemo.Options.parse(args))
        .getMessage();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            BodyHandlers.ofString());
  }
}
