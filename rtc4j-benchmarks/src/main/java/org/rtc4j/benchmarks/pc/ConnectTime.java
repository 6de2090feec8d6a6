package org.rtc4j.benchmarks.pc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Connection time on the virtual network with zero latency, as CPU time of both peers (they run on
 * this one thread): {@code java -cp rtc4j-benchmarks/target/benchmarks.jar
 * org.rtc4j.benchmarks.pc.ConnectTime [connections]}. Prints the median and 99th percentile of the
 * CPU time per connection after a warm-up, and the virtual time a connection takes.
 */
public final class ConnectTime {
  private ConnectTime() {}

  /** Runs the measurement. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    PeerConnectionPair pair = new PeerConnectionPair();
    for (int i = 0; i < n; i++) {
      pair.connect(); // warm-up
    }
    long[] cpu = new long[n];
    for (int i = 0; i < n; i++) {
      long start = bean.getCurrentThreadCpuTime();
      pair.connect();
      cpu[i] = bean.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(cpu);
    System.out.printf(
        "connection (ICE + DTLS + SCTP + DCEP open), both peers, %d runs:%n"
            + "  CPU time p50 %.0f us, p99 %.0f us, mean %.0f us%n"
            + "  virtual time to open %.1f ms (zero-latency links; ICE pacing and nomination)%n",
        n,
        cpu[n / 2] / 1e3,
        cpu[(int) (n * 0.99)] / 1e3,
        Arrays.stream(cpu).average().orElse(0) / 1e3,
        pair.lastVirtualNanos / 1e6);
  }
}
