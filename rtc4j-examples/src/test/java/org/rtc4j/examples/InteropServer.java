package org.rtc4j.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.rtc4j.nio.NioConfig;
import org.rtc4j.nio.NioRuntime;

/**
 * The rtc4j side of the browser interop tests, a program run by {@link BrowserInteropTest} inside a
 * network namespace next to a headless browser ({@code ChildProcess.java}).
 *
 * <p>It runs the demo's {@link SignalingServer} in front of {@link EchoSessions} for the direction
 * where the browser offers, and {@link OfferingSessions} for the direction where rtc4j offers, all
 * on one {@link NioRuntime} bound to 127.0.0.1. The page and all its requests go to one origin,
 * this program's own HTTP server:
 *
 * <ul>
 *   <li>{@code GET /interop.html}, {@code /interop.js}: the scenario page (test resources {@code
 *       interop/}).
 *   <li>{@code POST /offer}, {@code GET|DELETE /session/<id>}: passed on unchanged to the demo's
 *       signaling server (the browser offers; rtc4j echoes).
 *   <li>{@code POST /rtc4j-offer} with the channels to open, one per line ({@code <label> <ordered>
 *       <maxRetransmits|->}): rtc4j creates a peer connection with those channels and answers
 *       {@code 201} with its complete offer and {@code Location: /rtc4j-session/<id>}.
 *   <li>{@code POST /rtc4j-answer/<id>}: the browser's answer; {@code 204}.
 *   <li>{@code GET /rtc4j-session/<id>}: what rtc4j saw on each channel, as JSON.
 *   <li>{@code POST /report}: prints {@code REPORT <body>} on one line; {@code POST /log} prints
 *       {@code PAGE <body>}.
 * </ul>
 *
 * <p>Prints {@code LISTENING <port>} when ready and stops when its stdin closes.
 */
public final class InteropServer {
  /** The largest request body read. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern FILE = Pattern.compile("/(interop\\.html|interop\\.js)");
  private static final String RTC4J_SESSION = "/rtc4j-session/";
  private static final String RTC4J_ANSWER = "/rtc4j-answer/";

  private final URI signaling;
  private final OfferingSessions offering;
  private final HttpClient client;

  private InteropServer(URI signaling, OfferingSessions offering, HttpClient client) {
    this.signaling = signaling;
    this.offering = offering;
    this.client = client;
  }

  /**
   * Serves until stdin closes.
   *
   * @param args the HTTP port on 127.0.0.1 (0 for any free one)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: InteropServer PORT");
      System.exit(2);
    }
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    NioRuntime runtime =
        NioRuntime.start(
            NioConfig.builder()
                .bindAddresses(List.of(loopback))
                .threadName("rtc4j-interop")
                .daemon(true)
                .build());
    EchoSessions echo = EchoSessions.on(runtime);
    SignalingServer signaling = SignalingServer.start(new InetSocketAddress(loopback, 0), echo);
    OfferingSessions offering = new OfferingSessions(runtime);
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(FORWARD_TIMEOUT)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    InteropServer interop = new InteropServer(signaling.baseUri(), offering, client);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(loopback, Integer.parseInt(args[0])), 64);
    server.createContext("/", interop::serve);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    print("LISTENING " + server.getAddress().getPort());
    InputStream in = System.in;
    byte[] sink = new byte[256];
    while (in.read(sink) >= 0) {
      // Input is not used; its end tells us the test is done.
    }
    server.stop(0);
    signaling.close();
    offering.close();
    echo.close();
    runtime.close();
    print("STOPPED");
    System.exit(0);
  }

  private static void print(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }

  // The top-level boundary of a request: whatever goes wrong becomes a 500 and a log line.
  private void serve(HttpExchange exchange) {
    try (exchange) {
      try {
        route(exchange);
      } catch (IOException e) {
        print("REQUEST-FAILED " + exchange.getRequestURI() + " " + e);
      } catch (RuntimeException e) {
        print("REQUEST-FAILED " + exchange.getRequestURI() + " " + e);
        e.printStackTrace(System.out);
        respond(exchange, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        respond(exchange, 500, "text/plain", new byte[0]);
      }
    } catch (IOException e) {
      print("RESPONSE-FAILED " + exchange.getRequestURI() + " " + e);
    }
  }

  private void route(HttpExchange exchange) throws IOException, InterruptedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (method.equals("GET") && FILE.matcher(path).matches()) {
      page(exchange, path);
    } else if (path.equals("/offer") || path.startsWith("/session/")) {
      forward(exchange, method, path);
    } else if (method.equals("POST") && path.equals("/report")) {
      print("REPORT " + oneLine(body(exchange)));
      respond(exchange, 204, null, null);
    } else if (method.equals("POST") && path.equals("/log")) {
      print("PAGE " + oneLine(body(exchange)));
      respond(exchange, 204, null, null);
    } else if (method.equals("POST") && path.equals("/rtc4j-offer")) {
      rtc4jOffer(exchange);
    } else if (method.equals("POST") && path.startsWith(RTC4J_ANSWER)) {
      String id = path.substring(RTC4J_ANSWER.length());
      String problem = offering.answer(id, body(exchange));
      if (problem == null) {
        respond(exchange, 204, null, null);
      } else {
        respond(exchange, 400, "text/plain", problem.getBytes(StandardCharsets.UTF_8));
      }
    } else if (method.equals("GET") && path.startsWith(RTC4J_SESSION)) {
      Map<String, Object> seen = offering.describe(path.substring(RTC4J_SESSION.length()));
      if (seen == null) {
        respond(exchange, 404, null, null);
      } else {
        respond(
            exchange, 200, "application/json", Json.write(seen).getBytes(StandardCharsets.UTF_8));
      }
    } else {
      print(method + " " + path + " 404");
      respond(exchange, 404, null, null);
    }
  }

  private void page(HttpExchange exchange, String path) throws IOException {
    try (InputStream resource = InteropServer.class.getResourceAsStream("/interop" + path)) {
      if (resource == null) {
        respond(exchange, 404, null, null);
        return;
      }
      print("GET " + path + " 200");
      String type =
          path.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8";
      respond(exchange, 200, type, resource.readAllBytes());
    }
  }

  private void rtc4jOffer(HttpExchange exchange) throws IOException {
    List<OfferingSessions.ChannelSpec> channels;
    try {
      channels = OfferingSessions.ChannelSpec.parseAll(body(exchange));
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
      return;
    }
    SessionHost.Opened opened = offering.offer(channels);
    exchange.getResponseHeaders().set("Location", RTC4J_SESSION + opened.id());
    respond(exchange, 201, "application/sdp", opened.answerSdp().getBytes(StandardCharsets.UTF_8));
  }

  // The browser-offers direction goes through the demo's own signaling server, unchanged; this
  // only keeps the page on one origin.
  private void forward(HttpExchange exchange, String method, String path)
      throws IOException, InterruptedException {
    byte[] body = body(exchange);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(signaling.resolve(path)).timeout(FORWARD_TIMEOUT);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response;
    try {
      response =
          client
              .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
              .get(FORWARD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      print("FORWARD-FAILED " + method + " " + path + " " + e);
      respond(exchange, 502, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
      return;
    }
    print(method + " " + path + " -> " + response.statusCode());
    response
        .headers()
        .firstValue("Location")
        .ifPresent(l -> exchange.getResponseHeaders().set("Location", l));
    respond(
        exchange,
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        response.body());
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    return exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
  }

  private static String oneLine(byte[] body) {
    return new String(body, StandardCharsets.UTF_8).replace('\r', ' ').replace('\n', ' ');
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (body == null || body.length == 0 || status == 204) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    if (type != null) {
      exchange.getResponseHeaders().set("Content-Type", type);
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
