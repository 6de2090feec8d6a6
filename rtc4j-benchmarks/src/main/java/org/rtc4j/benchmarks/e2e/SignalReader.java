package org.rtc4j.benchmarks.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads {@link SignalLine}s from a stream on a daemon thread of its own, so that the side waiting
 * for a line can give up after a timeout. At most 64 lines wait to be taken (the reader waits when
 * they do); a line longer than {@link SignalLine#MAX_LENGTH}, or the end of the stream, ends the
 * reading, and the next {@link #next} says so.
 */
public final class SignalReader {
  private static final int QUEUE = 64;

  /** What the reader thread hands over: a line, or (line null) why there will be no more. */
  private record Item(SignalLine line, String end) {}

  private final BlockingQueue<Item> lines = new ArrayBlockingQueue<>(QUEUE);
  private final InputStream in;
  private volatile String end;

  private SignalReader(InputStream in) {
    this.in = in;
  }

  /** Starts reading {@code in} on a daemon thread named {@code name}. */
  public static SignalReader start(InputStream in, String name) {
    SignalReader reader = new SignalReader(in);
    Thread t = new Thread(reader::run, name);
    t.setDaemon(true);
    t.start();
    return reader;
  }

  /**
   * The next line, waiting at most {@code timeout} for it.
   *
   * @throws TimeoutException if none came in time
   * @throws IOException if the stream ended, failed or sent a line that is too long or malformed
   * @throws InterruptedException if interrupted while waiting
   */
  public SignalLine next(Duration timeout)
      throws TimeoutException, IOException, InterruptedException {
    Item item = lines.poll();
    if (item == null) {
      if (end != null) {
        throw new IOException(end);
      }
      item = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (item == null) {
      if (end != null) {
        throw new IOException(end);
      }
      throw new TimeoutException("no signaling line within " + timeout.toMillis() + " ms");
    }
    if (item.line() == null) {
      throw new IOException(item.end());
    }
    return item.line();
  }

  /** The reading thread: one pass over the stream, lines split at a line feed. */
  private void run() {
    String why;
    try {
      why = readAll();
    } catch (IOException e) {
      why = "the signaling stream failed: " + e.getMessage();
    } catch (InterruptedException e) {
      why = "the signaling reader was interrupted";
    }
    end = why;
    lines.offer(new Item(null, why)); // wakes a waiter; a full queue has none
  }

  private String readAll() throws IOException, InterruptedException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (b == '\n') {
          String text = line.toString(StandardCharsets.US_ASCII);
          line.reset();
          if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
          }
          if (text.isEmpty() || text.startsWith("[")) {
            // A JVM log line ("[0.4s][info][jfr,startup] ..."): JFR writes its startup message
            // to stdout whatever -Xlog says.
            continue;
          }
          try {
            lines.put(new Item(SignalLine.parse(text), null));
          } catch (IllegalArgumentException e) {
            return "a malformed signaling line: " + e.getMessage();
          }
        } else if (line.size() >= SignalLine.MAX_LENGTH) {
          return "a signaling line longer than " + SignalLine.MAX_LENGTH + " characters";
        } else {
          line.write(b);
        }
      }
    }
    return "the signaling stream ended";
  }
}
