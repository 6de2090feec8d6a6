package org.rtc4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium for tests that run the demo page in a real browser, shut in a network
 * namespace of its own: the namespace has a veth pair with 10.99.0.1 and a default route, so
 * Chromium gathers a host candidate there, and WebRTC between its tabs never leaves the namespace.
 * The test drives it over the DevTools protocol on a pipe (its fds 3 and 4), and the tabs' HTTP
 * requests are intercepted ({@code Fetch.requestPaused}) and made by this JVM on its own loopback,
 * where the signaling server listens.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  // The namespace's network: a veth pair, one end addressed, and a default route through the
  // other so that Chromium sees a usable interface (it gathers nothing on loopback alone).
  private static final String NAMESPACE_SETUP =
      "export PATH=\"$PATH:/usr/sbin:/sbin\" && ip link set lo up"
          + " && ip link add rtc4j0 type veth peer name rtc4j1"
          + " && ip addr add 10.99.0.1/24 dev rtc4j0"
          + " && ip link set rtc4j0 up && ip link set rtc4j1 up"
          + " && ip route add default via 10.99.0.2 dev rtc4j0";

  private final Process process;
  private final Path profile;
  private final OutputStream toBrowser;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(COMMAND_TIMEOUT).build();
  private final ThreadPoolExecutor handlers =
      new ThreadPoolExecutor(
          4, 4, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), HeadlessChromium::daemon);
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<?, ?>>> replies = new ConcurrentHashMap<>();
  private final Map<String, URI> forwardedOrigins = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
    this.toBrowser = process.getOutputStream();
  }

  /** The Chromium binary: $RTC4J_CHROMIUM, or the first of the usual names on the PATH. */
  static Optional<Path> find() {
    String configured = System.getenv("RTC4J_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why no network namespace can be made here (no unshare, no user namespaces, no veth), or empty
   * if one can.
   */
  static Optional<String> namespaceUnavailable() {
    try {
      Process probe =
          new ProcessBuilder(
                  "unshare", "--user", "--map-root-user", "--net", "sh", "-c", NAMESPACE_SETUP)
              .redirectErrorStream(true)
              .start();
      probe.getOutputStream().close();
      String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!probe.waitFor(10, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        return Optional.of("making a network namespace took too long");
      }
      return probe.exitValue() == 0
          ? Optional.empty()
          : Optional.of("cannot make a network namespace: " + output.trim());
    } catch (IOException e) {
      return Optional.of("cannot run unshare: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** Starts Chromium headless, with a fresh profile, in a network namespace of its own. */
  static HeadlessChromium launch(Path binary) throws IOException {
    Path profile = Files.createTempDirectory("rtc4j-chromium-");
    List<String> chromium =
        List.of(
            binary.toString(),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--remote-debugging-pipe",
            // Candidates as addresses, not mDNS names, which nothing in the namespace resolves.
            "--disable-features=WebRtcHideLocalIpsWithMdns",
            "about:blank");
    StringBuilder script = new StringBuilder("{ " + NAMESPACE_SETUP + "; } >&2 && exec");
    for (String arg : chromium) {
      script.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    // DevTools reads fd 3 and writes fd 4: our pipe to its stdin and from its stdout.
    script.append(" 3<&0 4>&1 0</dev/null 1>/dev/null");
    Process process =
        new ProcessBuilder(
                "unshare", "--user", "--map-root-user", "--net", "sh", "-c", script.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    HeadlessChromium browser = new HeadlessChromium(process, profile);
    Thread reader = daemon(browser::readMessages);
    reader.setName("chromium-devtools");
    reader.start();
    return browser;
  }

  /**
   * Opens a new tab whose requests to {@code origin} are made by this JVM (others fail), then
   * navigates it to {@code url}.
   */
  Tab open(URI origin, String url) throws Exception {
    String targetId =
        (String) command(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
    String sessionId =
        (String)
            command(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId");
    if (origin != null) {
      forwardedOrigins.put(sessionId, origin);
      command(
          sessionId,
          "Fetch.enable",
          Map.of("patterns", List.of(Map.of("urlPattern", "*", "requestStage", "Request"))));
    }
    command(sessionId, "Page.navigate", Map.of("url", url));
    return new Tab(sessionId);
  }

  @Override
  public void close() {
    try {
      command(null, "Browser.close", Map.of());
    } catch (Exception e) {
      process.destroy();
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    handlers.shutdownNow();
    deleteProfile(profile);
  }

  private Map<?, ?> command(String sessionId, String method, Map<String, Object> params)
      throws Exception {
    return command(sessionId, method, params, COMMAND_TIMEOUT);
  }

  private Map<?, ?> command(
      String sessionId, String method, Map<String, Object> params, Duration timeout)
      throws Exception {
    int id = nextId.incrementAndGet();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("method", method);
    message.put("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<Map<?, ?>> reply = new CompletableFuture<>();
    replies.put(id, reply);
    try {
      byte[] bytes = Json.write(message).getBytes(StandardCharsets.UTF_8);
      synchronized (toBrowser) {
        toBrowser.write(bytes);
        toBrowser.write(0);
        toBrowser.flush();
      }
      Map<?, ?> answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (answer.containsKey("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return (Map<?, ?>) answer.get("result");
    } finally {
      replies.remove(id);
    }
  }

  // DevTools messages on the pipe are JSON texts, each ended by a NUL byte.
  private void readMessages() {
    try (InputStream in = process.getInputStream()) {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] != 0) {
            message.write(buffer[i]);
          } else {
            received(message.toString(StandardCharsets.UTF_8));
            message.reset();
          }
        }
      }
    } catch (IOException e) {
      // The browser went away; commands still waiting time out.
    }
    for (CompletableFuture<Map<?, ?>> reply : replies.values()) {
      reply.completeExceptionally(new IOException("Chromium ended"));
    }
  }

  private void received(String text) {
    Map<?, ?> message = (Map<?, ?>) JsonParser.parse(text);
    if (message.get("id") instanceof Long) {
      CompletableFuture<Map<?, ?>> reply = replies.get(((Long) message.get("id")).intValue());
      if (reply != null) {
        reply.complete(message);
      }
    } else if ("Fetch.requestPaused".equals(message.get("method"))) {
      String sessionId = (String) message.get("sessionId");
      Map<?, ?> params = (Map<?, ?>) message.get("params");
      handlers.execute(() -> forward(sessionId, params));
    }
  }

  // Makes a paused request from this JVM and hands Chromium the response.
  private void forward(String sessionId, Map<?, ?> paused) {
    String requestId = (String) paused.get("requestId");
    Map<?, ?> request = (Map<?, ?>) paused.get("request");
    URI url = URI.create((String) request.get("url"));
    URI origin = forwardedOrigins.get(sessionId);
    try {
      if (origin == null
          || !url.getScheme().equals(origin.getScheme())
          || !url.getRawAuthority().equals(origin.getRawAuthority())) {
        command(
            sessionId,
            "Fetch.failRequest",
            Map.of("requestId", requestId, "errorReason", "BlockedByClient"));
        return;
      }
      String body = (String) request.get("postData");
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(url)
              .timeout(COMMAND_TIMEOUT)
              .method(
                  (String) request.get("method"),
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      Map<?, ?> headers = (Map<?, ?>) request.get("headers");
      for (Map.Entry<?, ?> header : headers.entrySet()) {
        String name = String.valueOf(header.getKey());
        if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Accept")) {
          builder.header(name, String.valueOf(header.getValue()));
        }
      }
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      List<Map<String, Object>> responseHeaders = new ArrayList<>();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                for (String value : values) {
                  responseHeaders.add(Map.of("name", name, "value", value));
                }
              });
      Map<String, Object> fulfil = new LinkedHashMap<>();
      fulfil.put("requestId", requestId);
      fulfil.put("responseCode", response.statusCode());
      fulfil.put("responseHeaders", responseHeaders);
      fulfil.put("body", Base64.getEncoder().encodeToString(response.body()));
      command(sessionId, "Fetch.fulfillRequest", fulfil);
    } catch (Exception e) {
      // A test boundary: the failure shows in the page as a failed fetch, and in the test's own
      // assertions on what the page saw.
      try {
        command(
            sessionId,
            "Fetch.failRequest",
            Map.of("requestId", requestId, "errorReason", "ConnectionFailed"));
      } catch (Exception ignored) {
        // The tab is gone.
      }
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "chromium-handler");
    thread.setDaemon(true);
    return thread;
  }

  private static void deleteProfile(Path profile) {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(HeadlessChromium::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Chromium may still be writing its profile as it exits; the temp directory is the OS's.
    }
  }

  /** A tab, attached: evaluates JavaScript and returns the (awaited) value. */
  final class Tab {
    private final String sessionId;

    private Tab(String sessionId) {
      this.sessionId = sessionId;
    }

    /**
     * Evaluates {@code expression}, awaits it if it is a promise, and returns its value as JSON
     * would carry it (maps, lists, strings, Longs, Doubles, booleans, null).
     *
     * @throws IllegalStateException with the page's exception if it threw or rejected
     */
    Object evaluate(String expression, Duration timeout) throws Exception {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("expression", expression);
      params.put("awaitPromise", true);
      params.put("returnByValue", true);
      Map<?, ?> result = command(sessionId, "Runtime.evaluate", params, timeout);
      if (result.containsKey("exceptionDetails")) {
        Map<?, ?> details = (Map<?, ?>) result.get("exceptionDetails");
        Object exception = details.get("exception");
        throw new IllegalStateException(
            exception instanceof Map
                ? String.valueOf(((Map<?, ?>) exception).get("description"))
                : String.valueOf(details.get("text")));
      }
      return ((Map<?, ?>) result.get("result")).get("value");
    }

    Object evaluate(String expression) throws Exception {
      return evaluate(expression, COMMAND_TIMEOUT);
    }
  }
}
