package org.rtc4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills a process with all its descendants and waits, boundedly, for them to end. It exists because
 * browsers are trees of processes (Chromium's zygotes, renderers and GPU process; Firefox's content
 * processes), and {@link Process#destroyForcibly()} ends only the root.
 */
final class ProcessTree {
  /** Rounds of "list the descendants, kill them": a parent may start a child while it is killed. */
  private static final int KILL_ROUNDS = 5;

  private static final long WAIT_STEP_MILLIS = 20;

  private ProcessTree() {}

  /**
   * Kills the descendants of {@code root} (the deepest first), then {@code root}, with SIGKILL, and
   * waits up to {@code timeout} for all of them to end.
   *
   * @return whether every process ended in time
   */
  static boolean kill(ProcessHandle root, Duration timeout) {
    List<ProcessHandle> killed = new ArrayList<>();
    for (int round = 0; round < KILL_ROUNDS; round++) {
      List<ProcessHandle> descendants =
          new ArrayList<>(root.descendants().filter(p -> !isGone(p)).toList());
      if (descendants.isEmpty()) {
        break;
      }
      // descendants() lists parents before their children; kill the leaves first.
      Collections.reverse(descendants);
      for (ProcessHandle p : descendants) {
        p.destroyForcibly();
        killed.add(p);
      }
    }
    root.destroyForcibly();
    killed.add(0, root);
    return awaitExit(killed, timeout);
  }

  /**
   * Waits up to {@code timeout} in all for each of {@code processes} to end. A zombie (ended, not
   * yet reaped by its parent) counts as ended.
   *
   * @return whether every process ended in time
   */
  static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long maxWaits = timeout.toMillis() / WAIT_STEP_MILLIS + 2;
    long waits = 0;
    for (ProcessHandle p : processes) {
      while (!isGone(p)) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || waits++ >= maxWaits) {
          return false;
        }
        try {
          p.onExit()
              .get(
                  Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, WAIT_STEP_MILLIS),
                  TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // Still running, or a zombie (which onExit never reports): look again.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Whether {@code p} has ended: not alive, or a zombie whose state {@code /proc} shows as Z. */
  static boolean isGone(ProcessHandle p) {
    if (!p.isAlive()) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
      // "pid (comm) S ...": the state follows the last ')' since comm may hold one.
      int close = stat.lastIndexOf(')');
      return close >= 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
    } catch (IOException e) {
      // No /proc entry: the process is gone (or this is not Linux, where isAlive was the answer).
      return !Files.isDirectory(Path.of("/proc", Long.toString(p.pid())))
          && Files.isDirectory(Path.of("/proc/self"));
    }
  }
}
