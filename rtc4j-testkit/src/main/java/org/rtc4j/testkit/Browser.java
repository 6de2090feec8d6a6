package org.rtc4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A real headless browser (Chromium or Firefox ESR) that loads one page, inside a {@link
 * NetworkNamespace}: the peer that rtc4j's interop tests prove data channels against.
 *
 * <pre>{@code
 * RealPeers.assumeAvailable(Browser.Kind.FIREFOX);
 * try (NetworkNamespace ns = NetworkNamespace.create("rtc4j-ff");
 *     ChildProcess server = ChildProcess.java(ns, PageServer.class.getName(), List.of("0"), log);
 *     Browser firefox = Browser.launch(Browser.Kind.FIREFOX, ns, pageUrl, scratch)) {
 *   String report = server.awaitLine(l -> l.startsWith("REPORT "), Duration.ofSeconds(60));
 * }
 * }</pre>
 *
 * <h2>Settings</h2>
 *
 * Both get what makes WebRTC work on a loopback-only host and keeps them quiet on the network (the
 * project's verified recipes). They keep their default DTLS settings (1.3 and 1.2 offered, with
 * post-quantum key shares): real users run those.
 *
 * <ul>
 *   <li>Chromium: {@code --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
 *       --disable-background-networking --disable-component-update --disable-sync}, a fresh {@code
 *       --user-data-dir}, {@code --use-fake-ui-for-media-stream
 *       --allow-loopback-in-peer-connection} (both are needed for 127.0.0.1 candidates), {@code
 *       --use-fake-device-for-media-stream}, {@code --host-resolver-rules} that resolve nothing but
 *       127.0.0.1 and {@code .local}, and {@code --enable-logging=stderr} so the page's console
 *       reaches the log.
 *   <li>Firefox: {@code --headless --no-remote --profile} with a fresh profile whose {@code
 *       user.js} (this package's {@code firefox-user.js}) turns on loopback ICE, grants camera and
 *       microphone, fakes media, keeps the browser offline-tolerant and quiet, and copies the
 *       page's console to stdout.
 * </ul>
 *
 * <p>Everything the browser writes stays in the scratch directory given to {@link #launch}: the
 * profile, {@code HOME} and {@code TMPDIR} point there, and the log file is there too.
 */
public final class Browser implements AutoCloseable {
  /** How long {@link #launch} watches a new browser for an early exit. */
  static final Duration START_WINDOW = Duration.ofSeconds(1);

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  /** The browsers rtc4j is tested against. */
  public enum Kind {
    /** Chromium (Debian package {@code chromium}; the executable {@code chromium}). */
    CHROMIUM("chromium", List.of("chromium", "chromium-browser")),
    /** Firefox ESR (Debian package {@code firefox-esr}; the executable {@code firefox-esr}). */
    FIREFOX("firefox-esr", List.of("firefox-esr", "firefox"));

    private final String debianPackage;
    private final List<String> executableNames;

    Kind(String debianPackage, List<String> executableNames) {
      this.debianPackage = debianPackage;
      this.executableNames = executableNames;
    }

    /** The Debian package that installs this browser. */
    public String debianPackage() {
      return debianPackage;
    }

    /** The executable names looked for on {@code PATH}, in order. */
    public List<String> executableNames() {
      return executableNames;
    }
  }

  private final Kind kind;
  private final ChildProcess process;

  private Browser(Kind kind, ChildProcess process) {
    this.kind = kind;
    this.process = process;
  }

  /** The browser's executable on {@code PATH}, if it is installed. */
  public static Optional<Path> executable(Kind kind) {
    return SearchPath.find(System.getenv("PATH"), List.of("/usr/bin"), kind.executableNames());
  }

  /**
   * Starts {@code kind} in {@code namespace}, headless, loading {@code pageUrl}. Returns once the
   * browser has run for a second without exiting; it keeps running until {@link #close()}. Whether
   * the page did what it should, the test learns from the page itself (it reports to a server in
   * the same namespace).
   *
   * @param pageUrl an {@code http} or {@code https} URL on 127.0.0.1, {@code localhost} or {@code
   *     [::1]}
   * @param scratchDir a directory for the profile, temporary files and the log (created if missing;
   *     several browsers may share one)
   * @throws IllegalArgumentException if {@code pageUrl} is not on loopback
   * @throws IllegalStateException if the browser is not installed, or exits at once (the message
   *     holds its log)
   * @throws IOException if the scratch files cannot be written or the process not started
   */
  public static Browser launch(Kind kind, NetworkNamespace namespace, URI pageUrl, Path scratchDir)
      throws IOException {
    Objects.requireNonNull(kind, "kind");
    Path executable =
        executable(kind)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        kind.debianPackage()
                            + " is not installed (none of "
                            + kind.executableNames()
                            + " on PATH): apt-get install -y --no-install-recommends "
                            + kind.debianPackage()));
    return launch(kind, executable, namespace, pageUrl, scratchDir);
  }

  /** {@link #launch(Kind, NetworkNamespace, URI, Path)} with a given executable. For tests. */
  static Browser launch(
      Kind kind, Path executable, NetworkNamespace namespace, URI pageUrl, Path scratchDir)
      throws IOException {
    Objects.requireNonNull(namespace, "namespace");
    requireLoopbackPage(pageUrl);
    Path scratch = scratchDir.toAbsolutePath();
    Files.createDirectories(scratch);
    String label = kind.name().toLowerCase(Locale.ROOT);
    Path profile = Files.createTempDirectory(scratch, label + "-profile-");
    Path home = Files.createDirectories(scratch.resolve("home"));
    Path tmp = Files.createDirectories(scratch.resolve("tmp"));
    if (kind == Kind.FIREFOX) {
      Files.writeString(profile.resolve("user.js"), firefoxPreferences());
    }
    List<String> command = command(kind, executable, profile, pageUrl);
    Map<String, String> environment =
        Map.of("HOME", home.toString(), "TMPDIR", tmp.toString(), "MOZ_CRASHREPORTER_DISABLE", "1");
    Path logFile = scratch.resolve(profile.getFileName() + ".log");
    ChildProcess process = ChildProcess.start(namespace, command, environment, logFile);
    try {
      awaitStart(process);
    } catch (RuntimeException e) {
      try {
        process.close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return new Browser(kind, process);
  }

  /** Which browser this is. */
  public Kind kind() {
    return kind;
  }

  /** The command line the browser was started with (with the namespace prefix). */
  public List<String> command() {
    return process.command();
  }

  /** Whether the browser's main process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The browser's whole log so far (its stdout and stderr). */
  public String log() {
    return process.log();
  }

  /** The last {@code lines} lines of the browser's log. */
  public String logTail(int lines) {
    return process.logTail(lines);
  }

  /** The file the browser's stdout and stderr go to. */
  public Path logFile() {
    return process.logFile();
  }

  /**
   * Kills the browser and every process it started, and waits up to 5 s for them to end.
   * Idempotent. The scratch directory stays (the caller owns it).
   *
   * @throws IllegalStateException if some browser process did not end in time
   */
  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "Browser[" + kind + ", pid " + process.pid() + "]";
  }

  /** The browser's command line, before the namespace prefix. */
  static List<String> command(Kind kind, Path executable, Path profile, URI pageUrl) {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    if (kind == Kind.CHROMIUM) {
      cmd.addAll(
          List.of(
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
              "--enable-logging=stderr"));
    } else {
      cmd.addAll(List.of("--headless", "--no-remote", "--profile", profile.toString()));
    }
    cmd.add(pageUrl.toString());
    return List.copyOf(cmd);
  }

  /** The {@code user.js} a Firefox profile gets: this package's {@code firefox-user.js}. */
  static String firefoxPreferences() {
    try (InputStream in = Browser.class.getResourceAsStream("firefox-user.js")) {
      if (in == null) {
        throw new IllegalStateException("resource firefox-user.js is missing from rtc4j-testkit");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading firefox-user.js", e);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code pageUrl} is http(s) on a loopback host
   */
  static void requireLoopbackPage(URI pageUrl) {
    Objects.requireNonNull(pageUrl, "pageUrl");
    String scheme = pageUrl.getScheme();
    String host = pageUrl.getHost();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || host == null
        || !LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "browsers load pages from http(s) on 127.0.0.1, localhost or [::1] only: " + pageUrl);
    }
  }

  private static void awaitStart(ChildProcess process) {
    if (!process.awaitExit(START_WINDOW)) {
      return; // still running after the start window: started
    }
    throw new IllegalStateException(
        "the browser exited at once (exit "
            + process.exitValue().orElse(-1)
            + ")\ncommand: "
            + String.join(" ", process.command())
            + "\n--- log ---\n"
            + process.logTail(ChildProcess.TAIL_LINES));
  }
}
