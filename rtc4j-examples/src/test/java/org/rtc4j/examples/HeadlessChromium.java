package org.rtc4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rtc4j.testkit.Browser;
import org.rtc4j.testkit.NetworkNamespace;

/**
 * A headless Chromium for tests that run the demo page in a real browser, started inside a {@link
 * NetworkNamespace} (which has only {@code lo}) next to the demo itself, so that the page, its
 * signaling and WebRTC all stay on the namespace's 127.0.0.1. The test drives it over the DevTools
 * protocol on a pipe ({@code --remote-debugging-pipe}: Chromium reads fd 3 and writes fd 4), which
 * crosses the namespace boundary where no socket of this JVM could.
 *
 * <p>The command line is rtc4j-testkit's {@link Browser} recipe for Chromium (loopback candidates
 * need {@code --use-fake-ui-for-media-stream} and {@code --allow-loopback-in-peer-connection}),
 * plus the pipe. Its profile, {@code HOME}, {@code TMPDIR} and log ({@code chromium.log}, its
 * stderr) live in a scratch directory the caller owns.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  // The longest a DevTools message may be before it is a broken browser, not a big reply.
  private static final int MAX_MESSAGE_BYTES = 16 << 20;

  private final Process process;
  private final Path log;
  private final OutputStream toBrowser;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<?, ?>>> replies = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.toBrowser = process.getOutputStream();
  }

  /**
   * Starts {@code binary} headless in {@code namespace}, on {@code about:blank}, with a fresh
   * profile under {@code scratch}.
   *
   * @throws IOException if the scratch files cannot be made or the browser not started
   */
  static HeadlessChromium launch(Path binary, NetworkNamespace namespace, Path scratch)
      throws IOException {
    Path profile = Files.createTempDirectory(Files.createDirectories(scratch), "chromium-profile-");
    Path home = Files.createDirectories(scratch.resolve("home"));
    Path tmp = Files.createDirectories(scratch.resolve("tmp"));
    Path log = scratch.resolve("chromium.log");
    List<String> chromium =
        List.of(
            binary.toString(),
            // rtc4j-testkit's Browser recipe for Chromium.
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection",
            "--use-fake-device-for-media-stream",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE *.local",
            "--enable-logging=stderr",
            // DevTools on fds 3 and 4 instead of a port.
            "--remote-debugging-pipe",
            "about:blank");
    StringBuilder script = new StringBuilder("exec");
    for (String arg : chromium) {
      script.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    // DevTools reads fd 3 and writes fd 4: our pipe to its stdin and from its stdout.
    script.append(" 3<&0 4>&1 0</dev/null 1>/dev/null");
    ProcessBuilder builder =
        new ProcessBuilder(namespace.wrap(List.of("sh", "-c", script.toString())))
            .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("TMPDIR", tmp.toString());
    HeadlessChromium browser = new HeadlessChromium(builder.start(), log);
    Thread reader = new Thread(browser::readMessages, "chromium-devtools");
    reader.setDaemon(true);
    reader.start();
    return browser;
  }

  /** Opens a new tab on {@code url} and attaches to it. */
  Tab open(URI url) throws Exception {
    String targetId =
        (String)
            command(null, "Target.createTarget", Map.of("url", url.toString())).get("targetId");
    String sessionId =
        (String)
            command(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId");
    return new Tab(targetId, sessionId);
  }

  /** The last {@code lines} lines of Chromium's stderr, for a failure message. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Asks Chromium to close, and kills it if it has not ended within 10 s. */
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

  // DevTools messages on the pipe are JSON texts, each ended by a NUL byte. Events are not
  // subscribed to, so all that comes is replies (and the odd event, passed over).
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
        if (message.size() > MAX_MESSAGE_BYTES) {
          throw new IOException("a DevTools message over " + MAX_MESSAGE_BYTES + " bytes");
        }
      }
    } catch (IOException e) {
      // The browser went away or broke the protocol; commands still waiting fail below.
    }
    IOException ended = new IOException("Chromium ended; its log:\n" + logTail(20));
    for (CompletableFuture<Map<?, ?>> reply : new ArrayList<>(replies.values())) {
      reply.completeExceptionally(ended);
    }
  }

  private void received(String text) {
    Map<?, ?> message = (Map<?, ?>) JsonParser.parse(text);
    if (message.get("id") instanceof Long) {
      CompletableFuture<Map<?, ?>> reply = replies.get(((Long) message.get("id")).intValue());
      if (reply != null) {
        reply.complete(message);
      }
    }
  }

  /** A tab, attached: evaluates JavaScript and returns the (awaited) value. */
  final class Tab {
    private final String targetId;
    private final String sessionId;

    private Tab(String targetId, String sessionId) {
      this.targetId = targetId;
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

    /** Closes the tab. */
    void close() throws Exception {
      command(null, "Target.closeTarget", Map.of("targetId", targetId));
    }
  }
}
