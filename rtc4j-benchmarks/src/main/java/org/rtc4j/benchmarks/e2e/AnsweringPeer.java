package org.rtc4j.benchmarks.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link E2ePeer} process, seen from the benchmark: started with the benchmark's own java and
 * class path, spoken to with {@link SignalLine}s over its stdin and stdout; its stderr goes to the
 * benchmark's. Requests are answered in order, one at a time.
 */
final class AnsweringPeer implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(30);
  private static final Duration EXIT = Duration.ofSeconds(10);

  private final Process process;
  private final OutputStream stdin;
  private final SignalReader stdout;
  private final String jvm;
  private final int cpus;

  private AnsweringPeer(Process process, SignalReader stdout, SignalLine ready) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.stdout = stdout;
    this.jvm = ready.textField(0);
    this.cpus = Integer.parseInt(ready.field(1));
  }

  /**
   * Starts the process and waits (at most 30 s) for its {@code READY}.
   *
   * @param javaOptions the options for its JVM, before the class path (its JVM log goes to stderr,
   *     warnings only, unless they say otherwise)
   */
  static AnsweringPeer start(List<String> javaOptions)
      throws IOException, InterruptedException, TimeoutException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    // The JVM's own log goes to stdout by default, where it would mix with the signaling.
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.addAll(javaOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(E2ePeer.class.getName());
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    SignalReader stdout = SignalReader.start(process.getInputStream(), "e2e-peer-stdout");
    try {
      SignalLine ready = stdout.next(START);
      if (!ready.is("READY", 2)) {
        throw new IOException("the answering peer said " + ready + " instead of READY");
      }
      return new AnsweringPeer(process, stdout, ready);
    } catch (IOException | TimeoutException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The answering JVM, as {@link E2eBenchmark#jvmDescription()} puts it. */
  String jvm() {
    return jvm;
  }

  /** The processors the answering JVM sees. */
  int cpus() {
    return cpus;
  }

  /** The process id of the answering JVM. */
  long pid() {
    return process.pid();
  }

  /**
   * Sends {@code request} and waits at most {@code timeout} for its answer.
   *
   * @throws IOException if the answer is an {@code ERROR} or not a {@code verb} line, or the
   *     process is gone
   */
  SignalLine request(SignalLine request, String verb, Duration timeout)
      throws IOException, InterruptedException, TimeoutException {
    stdin.write((request.encode() + "\n").getBytes(StandardCharsets.US_ASCII));
    stdin.flush();
    SignalLine answer = stdout.next(timeout);
    if (answer.is("ERROR", 1)) {
      throw new IOException("the answering peer failed: " + answer.textField(0));
    }
    if (!answer.verb().equals(verb)) {
      throw new IOException("asked " + request + ", the answering peer said " + answer);
    }
    return answer;
  }

  /** Says {@code QUIT}, and ends the process if it has not ended 10 s later. */
  @Override
  public void close() throws InterruptedException {
    try {
      request(SignalLine.of("QUIT"), "BYE", EXIT);
    } catch (IOException | TimeoutException e) {
      // It is going anyway.
    }
    if (!process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(EXIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
