package org.rtc4j.benchmarks.rtp;

import java.lang.management.ManagementFactory;

/**
 * The bytes the current thread allocates while running a piece of code many times, for the smoke
 * tests that check a benchmark allocates nothing (JMH's {@code -prof gc} measures it properly).
 */
final class Allocation {
  private Allocation() {}

  /** A step that may throw, run {@code times} times. */
  interface Step {
    void run() throws Exception;
  }

  /**
   * Bytes allocated by {@code times} runs of {@code step}, after a first run that loads classes.
   */
  static long bytes(int times, Step step) throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    step.run();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < times; i++) {
      step.run();
    }
    return threads.getThreadAllocatedBytes(thread) - before;
  }
}
