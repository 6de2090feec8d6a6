package org.rtc4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process for an interop test (a page server, a browser, an rtc4j peer), in a {@link
 * NetworkNamespace} or not, whose stdout and stderr go to a log file that the test reads line by
 * line.
 *
 * <pre>{@code
 * try (ChildProcess server =
 *     ChildProcess.java(ns, PageServer.class.getName(), List.of("0"), dir.resolve("server.log"))) {
 *   String listening = server.awaitLine(l -> l.startsWith("LISTENING "), Duration.ofSeconds(20));
 *   ...
 *   String report = server.awaitLine(l -> l.startsWith("REPORT "), Duration.ofSeconds(60));
 * }
 * }</pre>
 *
 * <h2>Output</h2>
 *
 * Both streams are redirected to one log file by the operating system, so the child never blocks on
 * a full pipe and the log survives the test for a post-mortem. {@link #awaitLine} reads the file
 * from where the previous call stopped: each line is offered to a predicate once, in order, and
 * lines that do not match are passed over. {@link #log()} is the whole file at any time.
 *
 * <h2>Input</h2>
 *
 * Stdin is a pipe: {@link #writeLine} writes to it, {@link #closeInput()} closes it (a child that
 * exits at end of input, like the page server, then ends on its own).
 *
 * <h2>End</h2>
 *
 * {@link #close()} kills the whole process tree, descendants first, with SIGKILL, and waits up to 5
 * s for it to end; a JVM shutdown hook does the same if the JVM ends first. Real time: waits are
 * bounded {@link Process#waitFor(long, TimeUnit)} calls, never sleeps. Not thread-safe: one thread
 * drives one child.
 */
public final class ChildProcess implements AutoCloseable {
  /** How long {@link #close()} waits for the killed process tree to end. */
  public static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

  /** How many lines of the log a failure message quotes. */
  static final int TAIL_LINES = 40;

  /** A line longer than this is cut into pieces of this many bytes. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private static final long POLL_STEP_MILLIS = 10;
  private static final int READ_CHUNK_BYTES = 64 * 1024;
  private static final int MAX_CHUNKS_PER_LOOK = 256;

  private final List<String> command;
  private final Path logFile;
  private final Process process;
  private final OutputStream input;
  private final Thread shutdownHook;
  private final ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK_BYTES);
  private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
  private final ArrayDeque<String> unread = new ArrayDeque<>();
  private long logOffset;
  private boolean inputClosed;
  private boolean closed;

  private ChildProcess(List<String> command, Path logFile, Process process) {
    this.command = command;
    this.logFile = logFile;
    this.process = process;
    this.input = process.getOutputStream();
    this.shutdownHook =
        new Thread(
            () -> ProcessTree.kill(process.toHandle(), KILL_TIMEOUT),
            "rtc4j-child-" + process.pid());
  }

  /**
   * Starts {@code command} in this JVM's network namespace, with {@code environment} added to the
   * inherited one, its output going to {@code logFile} (created or truncated, with its parent
   * directories).
   *
   * @throws IllegalArgumentException if {@code command} is empty
   * @throws IOException if the log file cannot be created or the process cannot be started
   */
  public static ChildProcess start(
      List<String> command, Map<String, String> environment, Path logFile) throws IOException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    List<String> cmd = List.copyOf(command);
    Objects.requireNonNull(environment, "environment");
    Path parent = logFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
    pb.environment().putAll(environment);
    Process process = pb.start();
    ChildProcess child = new ChildProcess(cmd, logFile, process);
    try {
      Runtime.getRuntime().addShutdownHook(child.shutdownHook);
    } catch (IllegalStateException e) {
      ProcessTree.kill(process.toHandle(), KILL_TIMEOUT);
      throw e;
    }
    return child;
  }

  /**
   * Starts {@code command} inside {@code namespace} (prefixed by {@link NetworkNamespace#wrap}),
   * otherwise like {@link #start(List, Map, Path)}.
   *
   * @throws IllegalStateException if the namespace is closed
   */
  public static ChildProcess start(
      NetworkNamespace namespace,
      List<String> command,
      Map<String, String> environment,
      Path logFile)
      throws IOException {
    return start(namespace.wrap(command), environment, logFile);
  }

  /**
   * Starts {@code mainClass} with {@code args} in a new JVM inside {@code namespace}: {@code
   * <java.home>/bin/java -cp <java.class.path> mainClass args}, so a test can run a class of its
   * own (a page server, an rtc4j peer) next to a browser. The JVM is this one's, the class path the
   * running test's.
   *
   * @throws IllegalArgumentException if {@code mainClass} is blank
   */
  public static ChildProcess java(
      NetworkNamespace namespace, String mainClass, List<String> args, Path logFile)
      throws IOException {
    return start(namespace, javaCommand(mainClass, args), Map.of(), logFile);
  }

  /** The command {@link #java} runs, before the namespace prefix. */
  static List<String> javaCommand(String mainClass, List<String> args) {
    if (mainClass.isBlank()) {
      throw new IllegalArgumentException("blank main class");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    for (String arg : args) {
      cmd.add(Objects.requireNonNull(arg, "arg"));
    }
    return List.copyOf(cmd);
  }

  /** The command line the process was started with. */
  public List<String> command() {
    return command;
  }

  /** The operating system's id of the process. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, once the process has ended. */
  public OptionalInt exitValue() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * Waits up to {@code timeout} for the process to end.
   *
   * @return whether it has ended
   */
  public boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + command, e);
    }
  }

  /** The file that the process's stdout and stderr go to. */
  public Path logFile() {
    return logFile;
  }

  /**
   * Waits for the next line of output that {@code matcher} accepts and returns it (without its line
   * break). Lines are read from where the previous call stopped; the lines before the match are
   * passed over. Looks at the log every 10 ms, waiting on the process in between.
   *
   * @throws AssertionError with the command and the last 40 lines of the log, if no line matches
   *     within {@code timeout}, or the process ends without printing one
   * @throws UncheckedIOException if the log file cannot be read
   */
  public String awaitLine(Predicate<String> matcher, Duration timeout) {
    Objects.requireNonNull(matcher, "matcher");
    long timeoutNanos = timeout.toNanos();
    long start = System.nanoTime();
    long maxSteps = timeout.toMillis() / POLL_STEP_MILLIS + 2;
    for (long step = 0; step < maxSteps; step++) {
      boolean ended = !process.isAlive();
      String found = nextMatch(matcher, ended);
      if (found != null) {
        return found;
      }
      if (ended) {
        throw new AssertionError(
            "process ended (exit " + process.exitValue() + ") without a matching line" + tail());
      }
      long remaining = timeoutNanos - (System.nanoTime() - start);
      if (remaining <= 0) {
        break;
      }
      waitForExit(Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, POLL_STEP_MILLIS));
    }
    String found = nextMatch(matcher, !process.isAlive());
    if (found != null) {
      return found;
    }
    throw new AssertionError("no matching line within " + timeout.toMillis() + " ms" + tail());
  }

  /**
   * Writes {@code line} and a newline to the process's stdin, and flushes.
   *
   * @throws IllegalArgumentException if {@code line} contains a line break
   * @throws IllegalStateException if stdin was closed by {@link #closeInput()} or {@link #close()}
   * @throws UncheckedIOException if the process no longer reads its stdin
   */
  public void writeLine(String line) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("one line at a time: " + line);
    }
    if (inputClosed) {
      throw new IllegalStateException("stdin is closed: " + String.join(" ", command));
    }
    try {
      input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      input.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to stdin" + tail(), e);
    }
  }

  /** Closes the process's stdin (end of input). Idempotent. */
  public void closeInput() {
    if (inputClosed) {
      return;
    }
    inputClosed = true;
    try {
      input.close();
    } catch (IOException e) {
      // The process has ended and its pipe with it: its input is closed either way.
    }
  }

  /**
   * The whole log so far: what the process printed on stdout and stderr.
   *
   * @throws UncheckedIOException if the log file cannot be read
   */
  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + logFile, e);
    }
  }

  /**
   * The last {@code lines} lines of the log (fewer if it is shorter).
   *
   * @throws IllegalArgumentException if {@code lines} is negative
   */
  public String logTail(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("lines " + lines);
    }
    String log;
    try {
      log = log();
    } catch (UncheckedIOException e) {
      return "(log unreadable: " + e.getCause() + ")";
    }
    return lastLines(log, lines);
  }

  /**
   * Closes stdin, kills the process and all its descendants (descendants first), and waits up to 5
   * s for them to end. The log file stays. Idempotent.
   *
   * @throws IllegalStateException if some process of the tree did not end in time
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeInput();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down and the hook kills the tree as well.
    }
    // The tree counts a zombie as ended; the JVM's reaper must still collect our direct child
    // before isAlive() turns false, so wait for that too (bounded) to leave no window after close.
    if (!ProcessTree.kill(process.toHandle(), KILL_TIMEOUT) || !awaitExit(KILL_TIMEOUT)) {
      throw new IllegalStateException(
          "process tree did not end within " + KILL_TIMEOUT.toMillis() + " ms" + tail());
    }
  }

  @Override
  public String toString() {
    return "ChildProcess[" + process.pid() + ": " + String.join(" ", command) + "]";
  }

  /** The command and the last lines of the log, to append to a failure message. */
  private String tail() {
    return "\ncommand: "
        + String.join(" ", command)
        + "\n--- last lines of "
        + logFile
        + " ---\n"
        + logTail(TAIL_LINES);
  }

  /** The last {@code count} lines of {@code text}, joined by line breaks. */
  static String lastLines(String text, int count) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /**
   * The next unread line that {@code matcher} accepts, reading more of the log as needed, or null
   * when the log holds none yet. With {@code atEnd}, a last line without a line break counts.
   */
  private String nextMatch(Predicate<String> matcher, boolean atEnd) {
    // A child that writes without pause cannot keep this loop busy: a bounded number of chunks
    // per call, then the caller looks at the clock.
    for (int pass = 0; pass < MAX_CHUNKS_PER_LOOK; pass++) {
      while (!unread.isEmpty()) {
        String line = unread.removeFirst();
        if (matcher.test(line)) {
          return line;
        }
      }
      if (!readMore(atEnd)) {
        return null;
      }
    }
    return null;
  }

  /** Reads one chunk of the log into {@link #unread}; whether there was anything new. */
  private boolean readMore(boolean atEnd) {
    int n;
    try (FileChannel channel = FileChannel.open(logFile, StandardOpenOption.READ)) {
      chunk.clear();
      n = channel.read(chunk, logOffset);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + logFile, e);
    }
    if (n <= 0) {
      if (atEnd && partialLine.size() > 0) {
        unread.addLast(partialLine.toString(StandardCharsets.UTF_8));
        partialLine.reset();
        return true;
      }
      return false;
    }
    logOffset += n;
    byte[] bytes = chunk.array();
    for (int i = 0; i < n; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        unread.addLast(takeLine());
      } else {
        partialLine.write(b);
        if (partialLine.size() >= MAX_LINE_BYTES) {
          unread.addLast(takeLine());
        }
      }
    }
    return true;
  }

  private String takeLine() {
    String line = partialLine.toString(StandardCharsets.UTF_8);
    partialLine.reset();
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private void waitForExit(long millis) {
    try {
      process.waitFor(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + command, e);
    }
  }
}
