package org.rtc4j.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A fresh Linux network namespace with only the loopback interface, up: the sandbox every real peer
 * (a browser, the page server it loads, an rtc4j process under test) runs in, so that nothing they
 * do can leave the machine.
 *
 * <pre>{@code
 * try (NetworkNamespace ns = NetworkNamespace.create("rtc4j-smoke");
 *     ChildProcess server = ChildProcess.java(ns, PageServer.class.getName(), List.of("0"), log)) {
 *   // server and everything else started with ns.wrap(...) see only 127.0.0.1 and ::1
 * } // the namespace is deleted, and whatever still ran in it killed
 * }</pre>
 *
 * <p>It is made and deleted with iproute2 ({@code ip netns add}, {@code ip -n NAME link set lo up},
 * {@code ip netns del}), which needs root. The JVM that creates it stays in its own namespace;
 * commands run inside through {@link #wrap}, which prefixes {@code ip netns exec NAME}. {@link
 * #close()} kills what still runs inside (the pids {@code ip netns pids} lists), then deletes the
 * namespace. A JVM shutdown hook does the same if the JVM ends before {@code close()} is called.
 *
 * <p>Real time: the {@code ip} commands are waited for with bounded {@link Process#waitFor(long,
 * TimeUnit)} calls. {@code close()} may be called from any thread; the rest is for one thread.
 */
public final class NetworkNamespace implements AutoCloseable {
  /** How long one {@code ip} command may take. */
  private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #close()} waits for the processes it killed to end. */
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

  /** Names made of a prefix, the JVM's pid and a random suffix; attempts to find a free one. */
  private static final int NAME_ATTEMPTS = 8;

  private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");

  /** Where iproute2 is looked for besides {@code PATH} (a non-root {@code PATH} lacks sbin). */
  private static final List<String> IP_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

  private final Path ip;
  private final String name;
  private final Thread shutdownHook;
  private boolean closed;

  private NetworkNamespace(Path ip, String name) {
    this.ip = ip;
    this.name = name;
    this.shutdownHook = new Thread(this::deleteAtShutdown, "rtc4j-netns-" + name);
  }

  /**
   * Creates a namespace named {@code prefix-<pid>-<random>} and sets its {@code lo} up.
   *
   * @param prefix lower-case letters, digits and dashes, 1 to 20 characters, such as {@code
   *     rtc4j-smoke}
   * @throws IllegalArgumentException if {@code prefix} is not of that form
   * @throws IllegalStateException if {@code ip} (iproute2) is missing, the JVM does not run as
   *     root, or {@code ip} fails (its output is in the message)
   */
  public static NetworkNamespace create(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "namespace prefix must match " + PREFIX.pattern() + ": '" + prefix + "'");
    }
    Path ip = findIp();
    requireRoot();
    for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      String name = prefix + "-" + ProcessHandle.current().pid() + "-" + randomSuffix();
      if (Files.exists(Path.of("/var/run/netns", name))) {
        continue;
      }
      Outcome add = run(List.of(ip.toString(), "netns", "add", name));
      if (!add.succeeded()) {
        throw new IllegalStateException(
            "ip netns add " + name + " failed (exit " + add.exitCode() + "): " + add.output());
      }
      NetworkNamespace ns = new NetworkNamespace(ip, name);
      Runtime.getRuntime().addShutdownHook(ns.shutdownHook);
      try {
        Outcome up = run(List.of(ip.toString(), "-n", name, "link", "set", "lo", "up"));
        if (!up.succeeded()) {
          throw new IllegalStateException(
              "ip -n "
                  + name
                  + " link set lo up failed (exit "
                  + up.exitCode()
                  + "): "
                  + up.output());
        }
      } catch (RuntimeException e) {
        try {
          ns.close();
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
      return ns;
    }
    throw new IllegalStateException(
        "no free namespace name with prefix " + prefix + " after " + NAME_ATTEMPTS + " attempts");
  }

  /**
   * Why network namespaces cannot be used here, if they cannot: {@code ip} missing, not root, or a
   * probe namespace that cannot be created (a container without {@code CAP_SYS_ADMIN}). Empty when
   * they work. Creates and deletes a namespace to find out.
   */
  public static Optional<String> unavailableReason() {
    try {
      create("rtc4j-probe").close();
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The namespace's name, as {@code ip netns list} shows it. */
  public String name() {
    return name;
  }

  /**
   * {@code command} prefixed with {@code ip netns exec NAME}, for a {@link ProcessBuilder} or
   * {@link ChildProcess}: the command then runs in this namespace. {@code ip} replaces itself with
   * the command, so the started process is the command itself. The environment is passed on.
   *
   * @throws IllegalArgumentException if {@code command} is empty
   * @throws IllegalStateException if this namespace is closed
   */
  public List<String> wrap(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("namespace " + name + " is closed");
      }
    }
    List<String> wrapped = new ArrayList<>(List.of(ip.toString(), "netns", "exec", name));
    for (String part : command) {
      wrapped.add(Objects.requireNonNull(part, "command part"));
    }
    return List.copyOf(wrapped);
  }

  /** The pids of the processes in this namespace now ({@code ip netns pids}); empty once closed. */
  public synchronized List<Long> pids() {
    if (closed) {
      return List.of();
    }
    return listPids();
  }

  /**
   * Kills every process still in the namespace (and waits up to 5 s for them to end), then deletes
   * it. Idempotent.
   *
   * @throws IllegalStateException if {@code ip netns del} fails
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running or about to, and deletes it again harmlessly.
    }
    delete();
  }

  @Override
  public String toString() {
    return "NetworkNamespace[" + name + "]";
  }

  private void deleteAtShutdown() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      delete();
    } catch (RuntimeException e) {
      // The JVM is exiting; nobody is left to tell but stderr.
      System.err.println("rtc4j: could not delete network namespace " + name + ": " + e);
    }
  }

  private void delete() {
    killStragglers();
    Outcome del = run(List.of(ip.toString(), "netns", "del", name));
    if (!del.succeeded() && Files.exists(Path.of("/var/run/netns", name))) {
      throw new IllegalStateException(
          "ip netns del " + name + " failed (exit " + del.exitCode() + "): " + del.output());
    }
  }

  private void killStragglers() {
    List<ProcessHandle> killed = new ArrayList<>();
    // Killing one process may let its parent start another; a few rounds catch those.
    for (int round = 0; round < 3; round++) {
      List<Long> pids = listPids();
      if (pids.isEmpty()) {
        break;
      }
      for (long pid : pids) {
        ProcessHandle.of(pid)
            .ifPresent(
                p -> {
                  p.destroyForcibly();
                  killed.add(p);
                });
      }
    }
    ProcessTree.awaitExit(killed, KILL_TIMEOUT);
  }

  private List<Long> listPids() {
    Outcome pids = run(List.of(ip.toString(), "netns", "pids", name));
    List<Long> result = new ArrayList<>();
    if (!pids.succeeded()) {
      return result;
    }
    for (String line : pids.output().split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
        long pid = Long.parseLong(trimmed);
        if (pid != ProcessHandle.current().pid()) {
          result.add(pid);
        }
      }
    }
    return result;
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[3];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Path findIp() {
    return SearchPath.find(System.getenv("PATH"), IP_DIRS, List.of("ip"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the 'ip' command (Debian package iproute2) is missing: network namespaces"
                        + " need it; .ci/run installs it"));
  }

  private static void requireRoot() {
    OptionalUid uid = effectiveUid();
    if (uid.known() && uid.uid() != 0) {
      throw new IllegalStateException(
          "network namespaces need root, but this JVM runs as uid "
              + uid.uid()
              + " (run the interop tests as root, as CI does)");
    }
  }

  /** The effective uid from {@code /proc/self/status}, or unknown off Linux. */
  private static OptionalUid effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          String[] fields = line.substring(4).trim().split("\\s+");
          return new OptionalUid(true, Long.parseLong(fields[1]));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or an unexpected format: let ip itself report what is wrong.
    }
    return new OptionalUid(false, -1);
  }

  /** A uid that may be unknown. */
  private record OptionalUid(boolean known, long uid) {}

  /** What a short command printed (stdout and stderr together) and how it ended. */
  private record Outcome(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * Runs a short command (an {@code ip} call) to its end, at most {@link #IP_TIMEOUT}. Its output
   * goes to a temporary file, so a chatty command never blocks on a full pipe.
   */
  private static Outcome run(List<String> command) {
    Path out = null;
    Process process = null;
    try {
      out = Files.createTempFile("rtc4j-ip-", ".log");
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(IP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Outcome(-1, "timed out after " + IP_TIMEOUT + ": " + String.join(" ", command));
      }
      return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("running " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        process.destroyForcibly();
      }
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // A leftover temporary file of a few bytes: not worth failing the caller for.
        }
      }
    }
  }
}
