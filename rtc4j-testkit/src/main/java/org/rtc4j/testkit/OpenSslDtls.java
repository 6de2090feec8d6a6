package org.rtc4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real OpenSSL 3 DTLS 1.2 peer: {@code openssl s_server -dtls1_2} or {@code openssl s_client
 * -dtls1_2} run as a child process on 127.0.0.1, for interop tests of a sans-I/O DTLS endpoint.
 *
 * <pre>{@code
 * try (OpenSslDtls server = OpenSslDtls.server()
 *     .certificate(certPem, keyPem)
 *     .verify(1)                                   // request the client's certificate (WebRTC)
 *     .srtpProfiles("SRTP_AES128_CM_SHA1_80")
 *     .exportKeyingMaterial("EXTRACTOR-dtls_srtp", 60)
 *     .start()) {                                  // returns once the server prints ACCEPT
 *   // talk to server.address() over UDP, calling server.pollOutput() in the loop
 *   server.awaitOutput("Keying material: ", Duration.ofSeconds(5));
 *   byte[] srtpKeys = server.keyingMaterial();
 * }
 * }</pre>
 *
 * <h2>Output</h2>
 *
 * The child's stdout and stderr are merged into one pipe, which this class reads without a thread
 * of its own: {@link #pollOutput()} moves whatever bytes are waiting into an internal buffer and
 * returns at once. Call it from the loop that drives the other side (the pipe holds only so much;
 * an unread OpenSSL stalls once it is full). {@link #awaitOutput} polls it while it waits. The
 * accessors {@link #keyingMaterial()}, {@link #srtpProfile()}, {@link #cipher()} and {@link
 * #extendedMasterSecret()} parse what has been read so far; application data the peer receives is
 * printed there too, as it arrives.
 *
 * <h2>Input</h2>
 *
 * {@link #sendLine} writes a line to the child's stdin, which OpenSSL sends as one application data
 * record. Stdin stays open until {@link #close()}: {@code s_server} and {@code s_client} both quit
 * when it closes. Both read a few lines as commands instead of data (OpenSSL's "command letters"):
 * for {@code s_server} a line that is a single letter such as {@code Q}, {@code q}, {@code r} or
 * {@code R}; for {@code s_client} a line starting with {@code Q}, {@code R}, {@code k} or {@code
 * K}. {@code R} renegotiates, which a test may want; add {@code -nocommands} with {@link
 * Builder#extraArgs} to {@code s_client} to send such lines as data.
 *
 * <h2>Time and the network</h2>
 *
 * Unlike the rest of the testkit this class runs in real time: it waits with {@link
 * Process#waitFor(long, TimeUnit)} and never sleeps. Its peer is always on the loopback interface.
 * {@link #close()} kills the process and deletes the temporary directory that holds the certificate
 * and key files. Not thread-safe: one thread drives one peer.
 */
public final class OpenSslDtls implements AutoCloseable {
  /** How long {@link Builder#start()} waits for a server to print {@code ACCEPT}, unless set. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
  private static final long POLL_STEP_MILLIS = 10;
  private static final int MAX_READS_PER_POLL = 4096;

  private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-Fa-f]+)");
  private static final Pattern SRTP_PROFILE =
      Pattern.compile("SRTP Extension negotiated, profile=(\\S+)");
  // s_server prints "CIPHER is X"; s_client "New, TLSv1.2, Cipher is X" and "Cipher    : X".
  private static final Pattern CIPHER =
      Pattern.compile("(?:CIPHER is|Cipher is|Cipher\\s+:) (\\S+)");
  private static final Pattern EXTENDED_MASTER_SECRET =
      Pattern.compile("Extended master secret: (yes|no)");
  private static final Pattern SECURE_RENEGOTIATION =
      Pattern.compile("Secure Renegotiation IS (supported|NOT supported)");

  private final boolean server;
  private final InetSocketAddress address;
  private final List<String> command;
  private final Path directory;
  private final Process process;
  private final InputStream output;
  private final OutputStream input;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final byte[] readBuffer = new byte[8192];
  private boolean closed;

  private OpenSslDtls(
      boolean server,
      InetSocketAddress address,
      List<String> command,
      Path directory,
      Process process) {
    this.server = server;
    this.address = address;
    this.command = command;
    this.directory = directory;
    this.process = process;
    this.output = process.getInputStream();
    this.input = process.getOutputStream();
  }

  /**
   * A builder for {@code openssl s_server -dtls1_2}, listening on a free port of 127.0.0.1. It
   * needs a {@linkplain Builder#certificate certificate}.
   */
  public static Builder server() {
    return new Builder(true, null);
  }

  /**
   * A builder for {@code openssl s_client -dtls1_2} that connects to {@code server}, which must be
   * a loopback address.
   *
   * @throws IllegalArgumentException if {@code server} is not a loopback address
   */
  public static Builder client(InetSocketAddress server) {
    Objects.requireNonNull(server, "server");
    if (server.isUnresolved() || !server.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("interop peers stay on loopback, not " + server);
    }
    return new Builder(false, server);
  }

  /** Whether this is {@code s_server}; otherwise {@code s_client}. */
  public boolean isServer() {
    return server;
  }

  /**
   * The server's address: where {@code s_server} listens, or where {@code s_client} connects to.
   */
  public InetSocketAddress address() {
    return address;
  }

  /** The command line the process was started with. */
  public List<String> command() {
    return command;
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Moves whatever output the process has written and this object has not yet read into {@link
   * #output()}. Never blocks. Does nothing after {@link #close()}.
   *
   * @throws UncheckedIOException if reading the pipe fails
   */
  public void pollOutput() {
    if (closed) {
      return;
    }
    try {
      for (int i = 0; i < MAX_READS_PER_POLL; i++) {
        int available = output.available();
        if (available <= 0) {
          return;
        }
        int n = output.read(readBuffer, 0, Math.min(available, readBuffer.length));
        if (n < 0) {
          return;
        }
        captured.write(readBuffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading openssl output", e);
    }
  }

  /** Everything the process has printed so far, as read by {@link #pollOutput()}. */
  public String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  /**
   * Waits until {@link #output()} contains {@code text}, polling the output and waiting on the
   * process in steps of 10 ms.
   *
   * @throws AssertionError with the output so far, if {@code text} does not appear within {@code
   *     timeout} or the process exits first
   */
  public void awaitOutput(String text, Duration timeout) {
    Objects.requireNonNull(text, "text");
    long timeoutNanos = timeout.toNanos();
    long start = System.nanoTime();
    long maxSteps = timeout.toMillis() / POLL_STEP_MILLIS + 2;
    for (long step = 0; step < maxSteps; step++) {
      pollOutput();
      if (output().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        pollOutput();
        if (output().contains(text)) {
          return;
        }
        throw new AssertionError(
            "openssl exited ("
                + process.exitValue()
                + ") before printing '"
                + text
                + "'"
                + describe());
      }
      long remaining = timeoutNanos - (System.nanoTime() - start);
      if (remaining <= 0) {
        break;
      }
      waitForExit(Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, POLL_STEP_MILLIS));
    }
    pollOutput();
    if (output().contains(text)) {
      return;
    }
    throw new AssertionError(
        "openssl did not print '" + text + "' within " + timeout.toMillis() + " ms" + describe());
  }

  /**
   * The keying material OpenSSL exported (the hex after {@code "Keying material: "}), from the last
   * connection that printed one.
   *
   * @throws IllegalStateException with the output so far, if none has been printed yet
   */
  public byte[] keyingMaterial() {
    pollOutput();
    return parseKeyingMaterial(output())
        .orElseThrow(() -> missing("Keying material: ", "-keymatexport"));
  }

  /**
   * The SRTP protection profile that use_srtp negotiated, in OpenSSL's words (such as {@code
   * SRTP_AES128_CM_SHA1_80} or {@code SRTP_AEAD_AES_128_GCM}), from the last connection.
   *
   * @throws IllegalStateException with the output so far, if none has been printed yet
   */
  public String srtpProfile() {
    pollOutput();
    return parseSrtpProfile(output())
        .orElseThrow(() -> missing("SRTP Extension negotiated", "-use_srtp"));
  }

  /**
   * The negotiated cipher suite, in OpenSSL's words (such as {@code
   * ECDHE-ECDSA-AES128-GCM-SHA256}), from the last connection.
   *
   * @throws IllegalStateException with the output so far, if none has been printed yet
   */
  public String cipher() {
    pollOutput();
    return parseCipher(output()).orElseThrow(() -> missing("Cipher is", "a completed handshake"));
  }

  /**
   * Whether the last connection used the extended master secret (RFC 7627), when OpenSSL said so:
   * {@code s_client} prints it with the session; {@code s_server} does not, so this is empty there.
   */
  public Optional<Boolean> extendedMasterSecret() {
    pollOutput();
    return parseExtendedMasterSecret(output());
  }

  /**
   * Whether the last connection agreed on secure renegotiation (RFC 5746, the renegotiation_info
   * extension or its SCSV), as both {@code s_server} and {@code s_client} print it; empty before.
   */
  public Optional<Boolean> secureRenegotiation() {
    pollOutput();
    return parseSecureRenegotiation(output());
  }

  /**
   * Writes {@code line} and a newline to the process's stdin: OpenSSL sends it to its peer as
   * application data, once the handshake is done. See the class comment for lines OpenSSL reads as
   * commands.
   *
   * @throws IllegalArgumentException if {@code line} contains a line break
   * @throws UncheckedIOException if the process no longer reads its stdin
   */
  public void sendLine(String line) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("one line at a time: " + line);
    }
    try {
      input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to openssl stdin" + describe(), e);
    }
  }

  /**
   * Kills the process, waits up to 5 s for it to end, keeps its last output, and deletes the
   * temporary directory. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      pollOutput();
    } catch (UncheckedIOException e) {
      // The process is going away; its unread output is lost, nothing else is.
    }
    closed = true;
    try {
      if (!kill(process)) {
        throw new IllegalStateException("openssl did not die within " + KILL_TIMEOUT + describe());
      }
    } finally {
      closeQuietly(input);
      closeQuietly(output);
      deleteDirectory(directory);
    }
  }

  @Override
  public String toString() {
    return "OpenSslDtls" + command;
  }

  private IllegalStateException missing(String what, String option) {
    return new IllegalStateException(
        "openssl has not printed '" + what + "' (needs " + option + ")" + describe());
  }

  private String describe() {
    return "\ncommand: " + String.join(" ", command) + "\n--- openssl output ---\n" + output();
  }

  private void waitForExit(long millis) {
    try {
      process.waitFor(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for openssl", e);
    }
  }

  // ---- parsing, on captured text (package-private for tests) ----

  /** The last {@code "Keying material: <hex>"} in {@code output}. */
  static Optional<byte[]> parseKeyingMaterial(String output) {
    return last(KEYING_MATERIAL, output).map(hex -> HexFormat.of().parseHex(hex));
  }

  /** The last {@code "SRTP Extension negotiated, profile=<name>"} in {@code output}. */
  static Optional<String> parseSrtpProfile(String output) {
    return last(SRTP_PROFILE, output);
  }

  /** The last cipher line ({@code CIPHER is}, {@code Cipher is}, {@code Cipher :}). */
  static Optional<String> parseCipher(String output) {
    return last(CIPHER, output).filter(c -> !c.equals("(NONE)"));
  }

  /** The last {@code "Extended master secret: yes|no"} in {@code output}. */
  static Optional<Boolean> parseExtendedMasterSecret(String output) {
    return last(EXTENDED_MASTER_SECRET, output).map("yes"::equals);
  }

  /** The last {@code "Secure Renegotiation IS [NOT] supported"} in {@code output}. */
  static Optional<Boolean> parseSecureRenegotiation(String output) {
    return last(SECURE_RENEGOTIATION, output).map("supported"::equals);
  }

  private static Optional<String> last(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    return Optional.ofNullable(found);
  }

  /**
   * The {@code openssl} executable on {@code path} (a {@code PATH}-style list of directories).
   *
   * @throws IllegalStateException if there is none
   */
  static Path findOpenSsl(String path) {
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, "openssl");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "the openssl executable is not on PATH ("
            + path
            + "): DTLS interop tests need OpenSSL 3 (Debian package 'openssl'; .ci/run installs"
            + " it)");
  }

  /** Kills {@code process} and waits up to 5 s for it to end; whether it ended. */
  private static boolean kill(Process process) {
    process.destroyForcibly();
    try {
      return process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static int freeLoopbackUdpPort() throws IOException {
    try (DatagramSocket probe =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return probe.getLocalPort();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Closing a pipe of a dead process: nothing to do.
    }
  }

  private static void deleteDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + dir, e);
    }
  }

  /** Options for one OpenSSL DTLS 1.2 peer. Each option maps to one OpenSSL flag. */
  public static final class Builder {
    private final boolean server;
    private final InetSocketAddress connectTo;
    private String certificatePem;
    private String privateKeyPem;
    private String srtpProfiles;
    private String exporterLabel;
    private int exporterLength;
    private String cipher;
    private String groups;
    private int verifyDepth = -1;
    private boolean verifyRequired;
    private int mtu;
    private final List<String> extraArgs = new ArrayList<>();
    private String config;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private String path = System.getenv("PATH");

    private Builder(boolean server, InetSocketAddress connectTo) {
      this.server = server;
      this.connectTo = connectTo;
    }

    /**
     * The certificate ({@code -cert}) and its private key ({@code -key}), each as PEM text (PKCS#8
     * {@code PRIVATE KEY} or a traditional EC/RSA key). Required for a server; a client sends it
     * when the server asks for one.
     */
    public Builder certificate(String certificatePem, String privateKeyPem) {
      this.certificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
      this.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
      return this;
    }

    /**
     * {@code -use_srtp}: the SRTP protection profiles to offer (client) or accept (server), in
     * OpenSSL's names such as {@code SRTP_AES128_CM_SHA1_80}, {@code SRTP_AES128_CM_SHA1_32},
     * {@code SRTP_AEAD_AES_128_GCM}, {@code SRTP_AEAD_AES_256_GCM}, in order of preference.
     */
    public Builder srtpProfiles(String... profiles) {
      if (profiles.length == 0) {
        throw new IllegalArgumentException("at least one SRTP profile");
      }
      this.srtpProfiles = String.join(":", profiles);
      return this;
    }

    /**
     * {@code -keymatexport label -keymatexportlen length}: after the handshake OpenSSL prints
     * {@code length} bytes exported with {@code label} (RFC 5705), read by {@link
     * OpenSslDtls#keyingMaterial()}. DTLS-SRTP uses {@code EXTRACTOR-dtls_srtp} (RFC 5764 §4.2).
     */
    public Builder exportKeyingMaterial(String label, int length) {
      if (length <= 0) {
        throw new IllegalArgumentException("length " + length);
      }
      this.exporterLabel = Objects.requireNonNull(label, "label");
      this.exporterLength = length;
      return this;
    }

    /**
     * {@code -cipher}: OpenSSL's cipher list for (D)TLS 1.2, such as {@code
     * ECDHE-ECDSA-AES128-GCM-SHA256} or {@code ECDHE-ECDSA-CHACHA20-POLY1305}.
     */
    public Builder cipher(String cipherList) {
      this.cipher = Objects.requireNonNull(cipherList, "cipherList");
      return this;
    }

    /**
     * {@code -groups} (the same as {@code -curves}): the ECDHE groups, colon-separated, such as
     * {@code P-256} or {@code X25519:P-256}.
     */
    public Builder groups(String groups) {
      this.groups = Objects.requireNonNull(groups, "groups");
      return this;
    }

    /**
     * {@code -verify depth}: verify the peer's certificate chain up to {@code depth}. On a server
     * this requests the client's certificate (a CertificateRequest), as WebRTC's mutual
     * authentication needs; a client without one may still connect. Verification failures of a
     * self-signed certificate are printed but do not end the handshake.
     */
    public Builder verify(int depth) {
      if (depth < 0) {
        throw new IllegalArgumentException("depth " + depth);
      }
      this.verifyDepth = depth;
      this.verifyRequired = false;
      return this;
    }

    /**
     * {@code -Verify depth} (servers only): like {@link #verify} but the handshake fails when the
     * client sends no certificate.
     *
     * @throws IllegalStateException on a client builder: {@code s_client} has no such option
     */
    public Builder requireVerify(int depth) {
      if (!server) {
        throw new IllegalStateException("-Verify is an s_server option");
      }
      verify(depth);
      this.verifyRequired = true;
      return this;
    }

    /** {@code -mtu}: the link MTU OpenSSL fragments its handshake messages for. */
    public Builder mtu(int mtu) {
      if (mtu <= 0) {
        throw new IllegalArgumentException("mtu " + mtu);
      }
      this.mtu = mtu;
      return this;
    }

    /** More arguments, appended to the command line as given (such as {@code -no_ticket}). */
    public Builder extraArgs(String... args) {
      for (String a : args) {
        extraArgs.add(Objects.requireNonNull(a, "arg"));
      }
      return this;
    }

    /**
     * An OpenSSL configuration file for the process (written to its temporary directory and named
     * by {@code OPENSSL_CONF}), for settings {@code s_server} and {@code s_client} have no flag
     * for. OpenSSL 3.0 has no {@code -no_ems}; this turns the extended master secret off:
     *
     * <pre>
     * openssl_conf = default_conf
     * [default_conf]
     * ssl_conf = ssl_sect
     * [ssl_sect]
     * system_default = sys
     * [sys]
     * Options = -ExtendedMasterSecret
     * </pre>
     */
    public Builder config(String configText) {
      this.config = Objects.requireNonNull(configText, "configText");
      return this;
    }

    /** How long {@link #start()} waits for a server to print {@code ACCEPT}; default 5 s. */
    public Builder startTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /** The {@code PATH} to find {@code openssl} on; default the environment's. For tests. */
    Builder path(String path) {
      this.path = path;
      return this;
    }

    /**
     * The command line for a server on {@code port} (ignored by a client), with certificate files
     * in {@code directory}. For tests; {@link #start()} runs it.
     */
    List<String> command(Path openssl, int port, Path directory) {
      List<String> cmd = new ArrayList<>();
      cmd.add(openssl.toString());
      if (server) {
        cmd.addAll(List.of("s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port));
      } else {
        cmd.addAll(
            List.of(
                "s_client",
                "-dtls1_2",
                "-connect",
                connectTo.getAddress().getHostAddress() + ":" + connectTo.getPort()));
      }
      if (certificatePem != null) {
        cmd.addAll(
            List.of(
                "-cert",
                directory.resolve("cert.pem").toString(),
                "-key",
                directory.resolve("key.pem").toString()));
      }
      if (srtpProfiles != null) {
        cmd.addAll(List.of("-use_srtp", srtpProfiles));
      }
      if (exporterLabel != null) {
        cmd.addAll(
            List.of(
                "-keymatexport",
                exporterLabel,
                "-keymatexportlen",
                Integer.toString(exporterLength)));
      }
      if (cipher != null) {
        cmd.addAll(List.of("-cipher", cipher));
      }
      if (groups != null) {
        cmd.addAll(List.of("-groups", groups));
      }
      if (verifyDepth >= 0) {
        cmd.addAll(List.of(verifyRequired ? "-Verify" : "-verify", Integer.toString(verifyDepth)));
      }
      if (mtu > 0) {
        cmd.addAll(List.of("-mtu", Integer.toString(mtu)));
      }
      cmd.addAll(extraArgs);
      return List.copyOf(cmd);
    }

    /**
     * Starts the process. A server returns once it prints {@code ACCEPT}, ready for datagrams; a
     * client returns at once, already sending its ClientHello.
     *
     * @throws IllegalStateException if {@code openssl} is not on {@code PATH}, or a server has no
     *     certificate
     * @throws AssertionError with OpenSSL's output, if a server is not ready within the {@linkplain
     *     #startTimeout start timeout}
     * @throws IOException if the process or its files cannot be created
     */
    public OpenSslDtls start() throws IOException {
      if (server && certificatePem == null) {
        throw new IllegalStateException("s_server needs a certificate");
      }
      Path openssl = findOpenSsl(path);
      Path directory = Files.createTempDirectory("rtc4j-openssl-");
      Process process = null;
      try {
        if (certificatePem != null) {
          Files.writeString(directory.resolve("cert.pem"), certificatePem);
          Files.writeString(directory.resolve("key.pem"), privateKeyPem);
        }
        int port = server ? freeLoopbackUdpPort() : connectTo.getPort();
        List<String> cmd = command(openssl, port, directory);
        ProcessBuilder pb =
            new ProcessBuilder(cmd).directory(directory.toFile()).redirectErrorStream(true);
        if (config != null) {
          Path cnf = directory.resolve("openssl.cnf");
          Files.writeString(cnf, config);
          pb.environment().put("OPENSSL_CONF", cnf.toString());
        }
        process = pb.start();
        InetSocketAddress address =
            server ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port) : connectTo;
        OpenSslDtls peer = new OpenSslDtls(server, address, cmd, directory, process);
        process = null; // the peer owns it and the directory now
        try {
          if (server) {
            peer.awaitOutput("ACCEPT", startTimeout);
          }
        } catch (RuntimeException | Error e) {
          peer.close();
          throw e;
        }
        return peer;
      } catch (IOException | RuntimeException | Error e) {
        try {
          if (process != null) {
            kill(process);
          }
          if (Files.exists(directory)) {
            deleteDirectory(directory);
          }
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    }
  }
}
