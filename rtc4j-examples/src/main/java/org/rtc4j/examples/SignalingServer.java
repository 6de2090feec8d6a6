package org.rtc4j.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The demo's HTTP signaling endpoint, WHIP-style (RFC 9725 §4.2), on the JDK's {@link HttpServer},
 * in front of a {@link SessionHost}:
 *
 * <ul>
 *   <li>{@code POST /offer} with {@code Content-Type: application/sdp} and an SDP offer of at most
 *       {@link #MAX_OFFER_BYTES}: {@code 201 Created}, the SDP answer as {@code application/sdp}
 *       and {@code Location: /session/<id>}. An offer the host refuses: {@code 400} with the reason
 *       as text; too large: {@code 413}; another content type: {@code 415}; the host failing:
 *       {@code 500}.
 *   <li>{@code DELETE /session/<id>}: {@code 200} once the session is closed, {@code 404} if there
 *       is no such session.
 *   <li>{@code GET /session/<id>}: the session's {@link SessionHost#describe description} as JSON,
 *       or {@code 404}.
 *   <li>{@code GET /}, {@code /index.html}, {@code /app.js}, {@code /style.css}: the browser page,
 *       from the resources under {@code org/rtc4j/examples/web/}.
 * </ul>
 *
 * <p>Another method on a known path gets {@code 405} with {@code Allow}; any other path {@code
 * 404}. Requests run on a small bounded pool of daemon threads; when it and its queue are full the
 * server's dispatcher thread runs the request itself, which slows accepting instead of growing
 * without bound. {@link #close} stops the server, frees the port and ends the threads. The host is
 * the caller's to close.
 */
public final class SignalingServer implements AutoCloseable {

  /** The largest SDP offer accepted, in bytes; a larger body gets {@code 413}. */
  public static final int MAX_OFFER_BYTES = 64 * 1024;

  /** Threads that run requests at once. */
  static final int WORKER_THREADS = 4;

  /** Requests that may wait for a worker before the dispatcher runs them itself. */
  static final int QUEUED_REQUESTS = 64;

  /** How many bytes of an oversized body are read and dropped so the client sees its 413. */
  static final int MAX_DISCARDED_BYTES = 1024 * 1024;

  /** The longest reason from the host given back to the client, in characters. */
  static final int MAX_REASON_CHARS = 1024;

  private static final System.Logger LOG = System.getLogger(SignalingServer.class.getName());

  private static final String SDP = "application/sdp";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String SESSION_PREFIX = "/session/";

  /**
   * A session id as it may appear in a Location path segment: RFC 3986 §2.3 unreserved characters
   * only, so it needs no escaping, and at least one letter or digit, so it is never a dot segment
   * (RFC 3986 §5.2.4) that would resolve elsewhere.
   */
  private static final Pattern SESSION_ID =
      Pattern.compile("(?=[^A-Za-z0-9]*[A-Za-z0-9])[A-Za-z0-9._~-]{1,128}");

  /** The page's files: request path, then resource name and content type. */
  private static final Map<String, StaticFile> PAGE =
      Map.of(
          "/", new StaticFile("index.html", "text/html; charset=utf-8"),
          "/index.html", new StaticFile("index.html", "text/html; charset=utf-8"),
          "/app.js", new StaticFile("app.js", "text/javascript; charset=utf-8"),
          "/style.css", new StaticFile("style.css", "text/css; charset=utf-8"));

  // The page loads only its own script and style and talks only to this server.
  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final SessionHost host;
  private final Map<String, byte[]> pageBytes;
  private final URI baseUri;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SignalingServer(
      HttpServer server,
      ThreadPoolExecutor workers,
      SessionHost host,
      Map<String, byte[]> pageBytes,
      URI baseUri) {
    this.server = server;
    this.workers = workers;
    this.host = host;
    this.pageBytes = pageBytes;
    this.baseUri = baseUri;
  }

  /**
   * Binds {@code bind} (port 0 picks a free port) and starts serving.
   *
   * @throws UncheckedIOException if the address cannot be bound (in use, not local)
   * @throws IllegalStateException if the page's resources are missing from the class path
   */
  public static SignalingServer start(InetSocketAddress bind, SessionHost host) {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(host, "host");
    Map<String, byte[]> pageBytes = loadPage();
    HttpServer server;
    try {
      server = HttpServer.create(bind, QUEUED_REQUESTS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + bind + ": " + e.getMessage(), e);
    }
    AtomicInteger threadNumber = new AtomicInteger();
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            WORKER_THREADS,
            WORKER_THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED_REQUESTS),
            task -> {
              Thread t = new Thread(task, "rtc4j-signaling-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    workers.allowCoreThreadTimeOut(true);
    SignalingServer signaling =
        new SignalingServer(server, workers, host, pageBytes, browsableUri(server.getAddress()));
    server.createContext("/", signaling::serve);
    server.setExecutor(workers);
    server.start();
    return signaling;
  }

  /**
   * Where a browser on this machine finds the page, ending in {@code /}: the bound address, or
   * loopback when the server listens on the wildcard address.
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Stops at once: frees the port, cuts off requests still under way, and ends the worker threads
   * (waiting up to two seconds for a handler inside the host). Idempotent. Sessions stay open: they
   * belong to the host.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    server.stop(0);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** The base URI for a server bound to {@code bound}: see {@link #baseUri()}. */
  static URI browsableUri(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    if (address.isAnyLocalAddress()) {
      address = InetAddress.getLoopbackAddress();
    }
    String literal = address.getHostAddress();
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    if (literal.indexOf(':') >= 0) {
      literal = "[" + literal + "]";
    }
    return URI.create("http://" + literal + ":" + bound.getPort() + "/");
  }

  private static Map<String, byte[]> loadPage() {
    Map<String, byte[]> bytes = new HashMap<>();
    for (StaticFile file : PAGE.values()) {
      if (bytes.containsKey(file.resource())) {
        continue;
      }
      try (InputStream in = SignalingServer.class.getResourceAsStream("web/" + file.resource())) {
        if (in == null) {
          throw new IllegalStateException(
              "resource org/rtc4j/examples/web/" + file.resource() + " is missing");
        }
        bytes.put(file.resource(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the page's " + file.resource(), e);
      }
    }
    return Map.copyOf(bytes);
  }

  // The top-level boundary of every request: whatever the handlers or the host throw becomes a
  // 500 and a log line, and the exchange is always closed.
  private void serve(HttpExchange exchange) {
    try (exchange) {
      try {
        route(exchange);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "request ended early: {0}", e.toString());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "request " + exchange.getRequestURI() + " failed", e);
        respondIfOpen(exchange, 500, "internal error; see the server log\n");
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    if (path.equals("/offer")) {
      if (!method.equals("POST")) {
        methodNotAllowed(exchange, "POST");
        return;
      }
      offer(exchange);
    } else if (path.startsWith(SESSION_PREFIX)) {
      String id = path.substring(SESSION_PREFIX.length());
      if (!SESSION_ID.matcher(id).matches()) {
        text(exchange, 404, "no such session\n");
      } else if (method.equals("DELETE")) {
        deleteSession(exchange, id);
      } else if (method.equals("GET")) {
        describeSession(exchange, id);
      } else {
        methodNotAllowed(exchange, "GET, DELETE");
      }
    } else if (PAGE.containsKey(path)) {
      if (!method.equals("GET")) {
        methodNotAllowed(exchange, "GET");
        return;
      }
      StaticFile file = PAGE.get(path);
      exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
      respond(exchange, 200, file.contentType(), pageBytes.get(file.resource()));
    } else {
      text(exchange, 404, "not found\n");
    }
  }

  // RFC 9725 §4.2: the offer is POSTed as application/sdp; the answer comes back in a 201 with
  // the session's URL in Location.
  private void offer(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!isSdp(contentType)) {
      text(exchange, 415, "the offer must be sent as application/sdp\n");
      return;
    }
    byte[] body = readBounded(exchange);
    if (body == null) {
      text(exchange, 413, "an offer may have at most " + MAX_OFFER_BYTES + " bytes\n");
      return;
    }
    String offerSdp = new String(body, StandardCharsets.UTF_8);
    if (offerSdp.isBlank()) {
      text(exchange, 400, "the offer is empty\n");
      return;
    }
    SessionHost.Opened opened;
    try {
      opened = host.open(offerSdp);
    } catch (IllegalArgumentException e) {
      text(exchange, 400, reason(e) + "\n");
      return;
    }
    if (opened == null
        || opened.id() == null
        || opened.answerSdp() == null
        || !SESSION_ID.matcher(opened.id()).matches()) {
      // The session cannot be named in a Location; do not leave it behind.
      if (opened != null && opened.id() != null) {
        host.close(opened.id());
      }
      throw new IllegalStateException(
          "the host opened a session it cannot name: " + (opened == null ? null : opened.id()));
    }
    exchange.getResponseHeaders().set("Location", SESSION_PREFIX + opened.id());
    respond(exchange, 201, SDP, opened.answerSdp().getBytes(StandardCharsets.UTF_8));
  }

  // RFC 9725 §4.2: a DELETE on the session URL ends the session; 200 OK.
  private void deleteSession(HttpExchange exchange, String id) throws IOException {
    if (host.close(id)) {
      exchange.sendResponseHeaders(200, -1);
    } else {
      text(exchange, 404, "no such session\n");
    }
  }

  private void describeSession(HttpExchange exchange, String id) throws IOException {
    Map<String, Object> description = host.describe(id);
    if (description == null) {
      text(exchange, 404, "no such session\n");
      return;
    }
    respond(exchange, 200, JSON, Json.write(description).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isSdp(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return mediaType.trim().equalsIgnoreCase(SDP);
  }

  /**
   * The request body, or null if it is longer than {@link #MAX_OFFER_BYTES}. Up to {@link
   * #MAX_DISCARDED_BYTES} of a longer body are read and dropped so that the client, still sending,
   * reads the 413 instead of a reset; past that the connection is dropped when the exchange closes.
   */
  private static byte[] readBounded(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > MAX_OFFER_BYTES) {
          discard(exchange.getRequestBody());
          return null;
        }
      } catch (NumberFormatException e) {
        // The server itself rejects a malformed Content-Length before we see the request; read
        // on and let the bound decide.
      }
    }
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(MAX_OFFER_BYTES + 1);
    if (body.length > MAX_OFFER_BYTES) {
      discard(in);
      return null;
    }
    return body;
  }

  private static void discard(InputStream in) throws IOException {
    long left = MAX_DISCARDED_BYTES;
    byte[] sink = new byte[8192];
    while (left > 0) {
      int n = in.read(sink, 0, (int) Math.min(sink.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  private static String reason(IllegalArgumentException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "the offer cannot be answered";
    }
    return message.length() > MAX_REASON_CHARS ? message.substring(0, MAX_REASON_CHARS) : message;
  }

  private static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
    exchange.getResponseHeaders().set("Allow", allow);
    text(exchange, 405, "allowed: " + allow + "\n");
  }

  private static void text(HttpExchange exchange, int status, String body) throws IOException {
    respond(exchange, status, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  // After a failure the response may already be on its way; then there is nothing left to say.
  private static void respondIfOpen(HttpExchange exchange, int status, String body) {
    if (exchange.getResponseCode() != -1) {
      return;
    }
    try {
      text(exchange, status, body);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not send the {0}: {1}", status, e.toString());
    }
  }

  /** One file of the page: its resource name under {@code web/} and its content type. */
  private record StaticFile(String resource, String contentType) {}
}
