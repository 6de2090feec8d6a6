package org.rtc4j.benchmarks.sctp;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.testkit.Host;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.LinkStats;
import org.rtc4j.testkit.VirtualNetwork;

/**
 * The goodput of one SCTP association over the testkit's {@link VirtualNetwork}, in virtual time:
 * how fast reliable, ordered messages on one stream get through a link with a given round trip,
 * loss and bandwidth, as the protocol (windows, SACKs, retransmissions, congestion control) allows
 * rather than as fast as the CPU runs it. One side sends, keeping 1 MiB queued; the other receives
 * and checks every message. Each SCTP packet is one datagram (DTLS left out); both sides use the
 * default {@link SctpConfig} (MTU 1200, 4 MiB buffers, I-DATA, minimum RTO 200 ms).
 *
 * <p>Each scenario connects, runs a warm-up (slow start), then measures: goodput is the bytes of
 * the messages received during the measured time, times 8, over that time. The table also gives the
 * sender's packets, the link's losses, the DATA/I-DATA chunks sent and how many of them carried a
 * TSN sent before (retransmissions, seen on the wire), and the sender's congestion window at the
 * end. For lossy links it gives the Mathis et al. bound for a TCP-like sender, {@code MSS / RTT *
 * sqrt(3/2) / sqrt(p)} with MSS 1168 bytes, as a yardstick.
 *
 * <p>The first row is different: with no delay and no bandwidth limit the virtual clock never
 * moves, so the transfer is bound by the CPU, and its goodput is measured in wall-clock time (a
 * fixed number of messages; {@code System.nanoTime} here, in this measuring program only). It
 * includes the virtual network's own work (a copy, a hash and a priority queue per packet).
 *
 * <p>The last four rows repeat dcSCTP's network simulations ({@code dcsctp_socket_network_test.cc}:
 * 30 ms one way, 256 KiB messages, MTU 1200), whose expected ranges are printed beside them.
 *
 * <pre>
 * java -cp rtc4j-benchmarks/target/benchmarks.jar org.rtc4j.benchmarks.sctp.SctpVirtualThroughput \
 *     [measured seconds, default 60] [warm-up seconds, default 10]
 * </pre>
 */
public final class SctpVirtualThroughput {
  private static final InetSocketAddress A = address("10.0.0.1");
  private static final InetSocketAddress B = address("10.0.0.2");

  /** The sender queues messages while less than this waits in its send queue. */
  private static final long TOP_UP_BYTES = 1 << 20;

  /** Messages of the CPU-bound row. */
  private static final long UNLIMITED_MESSAGES = 500_000;

  /** Runs of the CPU-bound row, in one JVM; the table shows the fastest. */
  private static final int UNLIMITED_ROUNDS = 3;

  /** Message bytes a full packet carries: MTU 1200 less the common and I-DATA chunk headers. */
  private static final int MSS = 1200 - 12 - 20;

  private SctpVirtualThroughput() {}

  /**
   * One link, the same both ways.
   *
   * @param name how the table shows it
   * @param link the link
   * @param messageSize bytes per message
   * @param expected what dcSCTP's simulation expects, or empty
   * @param pollEachRead whether each side takes its association's packets after every packet it
   *     reads ({@link SctpOverUdp}), rather than once per batch of packets arriving together
   */
  record Scenario(
      String name, LinkConfig link, int messageSize, String expected, boolean pollEachRead) {
    Scenario(String name, LinkConfig link, int messageSize, String expected) {
      this(name, link, messageSize, expected, true);
    }

    /** The round trip, seconds. */
    double rttSeconds() {
      return 2.0 * link.delayNanos() / 1e9;
    }

    /** The Mathis bound in Mbit/s, or NaN without loss. */
    double mathisMbps() {
      double p = link.loss();
      if (p <= 0 || rttSeconds() <= 0) {
        return Double.NaN;
      }
      return MSS * 8 / rttSeconds() * Math.sqrt(1.5) / Math.sqrt(p) / 1e6;
    }
  }

  /**
   * What one scenario gave.
   *
   * @param goodputMbps message bits received per second of measured time, in millions
   * @param virtualSeconds the measured virtual time
   * @param wallSeconds the wall-clock time the measurement took
   * @param packets packets the sender sent in the measured time
   * @param lost of these, lost on the link or dropped by its full queue
   * @param dataChunks DATA/I-DATA chunks the sender sent in the measured time
   * @param retransmitted of these, chunks whose TSN had been sent before
   * @param sacks packets the receiver sent in the measured time
   * @param cwnd the sender's congestion window at the end, bytes
   */
  record Result(
      Scenario scenario,
      double goodputMbps,
      double virtualSeconds,
      double wallSeconds,
      long packets,
      long lost,
      long dataChunks,
      long retransmitted,
      long sacks,
      long cwnd) {}

  /** The scenarios of the table, the CPU-bound one first. */
  static List<Scenario> scenarios() {
    LinkConfig rtt50 = LinkConfig.builder().delayNanos(Time.millis(25)).build();
    LinkConfig rtt100 = LinkConfig.builder().delayNanos(Time.millis(50)).build();
    LinkConfig rtt60 = LinkConfig.builder().delayNanos(Time.millis(30)).build();
    int kib = 1024;
    int huge = 256 * 1024;
    return List.of(
        new Scenario("0 % loss, 0 RTT, unlimited (wall clock)", LinkConfig.ideal(), kib, ""),
        new Scenario("0 % loss, 50 ms RTT", rtt50, kib, ""),
        new Scenario("0 % loss, 50 ms RTT, one SACK per flight", rtt50, kib, "", false),
        new Scenario("1 % loss, 50 ms RTT", rtt50.toBuilder().loss(0.01).build(), kib, ""),
        new Scenario("5 % loss, 100 ms RTT", rtt100.toBuilder().loss(0.05).build(), kib, ""),
        new Scenario("dcSCTP: 0 % loss, 60 ms RTT", rtt60, huge, "520-640"),
        new Scenario(
            "dcSCTP: 1 % loss, 60 ms RTT", rtt60.toBuilder().loss(0.01).build(), huge, "1.5-2.5"),
        new Scenario(
            "dcSCTP: 18 Mbit/s, 60 ms RTT",
            rtt60.toBuilder().bandwidthBitsPerSecond(18_000_000).build(),
            huge,
            "16-18"),
        new Scenario(
            "dcSCTP: 1 Mbit/s, 60 ms RTT",
            rtt60.toBuilder().bandwidthBitsPerSecond(1_000_000).build(),
            huge,
            "0.5-1.0"));
  }

  /**
   * Runs the scenarios and prints the table.
   *
   * @param args measured seconds (default 60) and warm-up seconds (default 10) of virtual time
   */
  public static void main(String[] args) {
    long measured = Time.seconds(args.length > 0 ? Long.parseLong(args[0]) : 60);
    long warmUp = Time.seconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "SCTP goodput, one stream of reliable ordered messages; %d s measured after %d s of"
            + " warm-up (virtual time)%n%n",
        measured / Time.seconds(1),
        warmUp / Time.seconds(1));
    out.println(
        "| link | message | goodput Mbit/s | Mathis Mbit/s | dcSCTP expects | packets | lost"
            + " | DATA chunks | retransmitted | SACK packets | cwnd at end | wall s |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Scenario s : scenarios()) {
      Result r =
          s.link().equals(LinkConfig.ideal()) ? bestUnlimited(s) : run(s, warmUp, measured, 1);
      out.println(row(r));
    }
  }

  /**
   * Connects two associations over {@code scenario}'s link, warms up, and measures for {@code
   * measuredNanos} of virtual time.
   *
   * @throws IllegalStateException if they do not connect, or a message arrives damaged or out of
   *     order, or the association fails
   */
  static Result run(Scenario scenario, long warmUpNanos, long measuredNanos, long seed) {
    Pair p = new Pair(scenario, seed);
    p.net.runFor(warmUpNanos);
    p.check();
    Snapshot before = p.snapshot();
    long wallStart = System.nanoTime();
    p.net.runFor(measuredNanos);
    double wall = (System.nanoTime() - wallStart) / 1e9;
    p.check();
    return p.result(before, measuredNanos / 1e9, wall);
  }

  /** The fastest of {@value #UNLIMITED_ROUNDS} CPU-bound runs: the one least disturbed. */
  private static Result bestUnlimited(Scenario s) {
    Result best = null;
    for (int round = 0; round < UNLIMITED_ROUNDS; round++) {
      Result r = runUnlimited(s, UNLIMITED_MESSAGES, 1);
      if (best == null || r.goodputMbps() > best.goodputMbps()) {
        best = r;
      }
    }
    return best;
  }

  /**
   * The CPU-bound case: a link without delay or bandwidth limit, where the virtual clock stands
   * still; {@code messages} are sent and the goodput is measured in wall-clock time.
   */
  static Result runUnlimited(Scenario scenario, long messages, long seed) {
    Pair p = new Pair(scenario, seed);
    // Warm-up: a tenth of the messages, so that the JIT compiles the hot paths first.
    long warm = messages / 10;
    if (!p.net.runUntil(() -> p.receiver.received() >= warm, Time.seconds(3600))) {
      throw new IllegalStateException("the warm-up did not finish: " + p.receiver.received());
    }
    Snapshot before = p.snapshot();
    long target = before.received + messages;
    long wallStart = System.nanoTime();
    if (!p.net.runUntil(() -> p.receiver.received() >= target, Time.seconds(3600))) {
      throw new IllegalStateException("the transfer did not finish: " + p.receiver.received());
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    p.check();
    return p.result(before, wall, wall);
  }

  static String row(Result r) {
    Scenario s = r.scenario();
    double mathis = s.mathisMbps();
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.2f | %s | %s | %d | %d | %d | %d (%.2f %%) | %d | %d | %.1f |",
        s.name(),
        s.messageSize() >= 1024 ? s.messageSize() / 1024 + " KiB" : s.messageSize() + " B",
        r.goodputMbps(),
        Double.isNaN(mathis) ? "" : String.format(Locale.ROOT, "%.2f", mathis),
        s.expected(),
        r.packets(),
        r.lost(),
        r.dataChunks(),
        r.retransmitted(),
        r.dataChunks() == 0 ? 0.0 : 100.0 * r.retransmitted() / r.dataChunks(),
        r.sacks(),
        r.cwnd(),
        r.wallSeconds());
  }

  /** Counters at one moment. */
  private record Snapshot(
      long received,
      long receivedBytes,
      long packets,
      long lost,
      long dataChunks,
      long retransmitted,
      long sacks) {}

  /** Two hosts on a virtual network, connected. */
  private static final class Pair {
    final Scenario scenario;
    final VirtualNetwork net;
    final SctpOverUdp sender;
    final SctpOverUdp receiver;
    final Host a;
    final Host b;

    Pair(Scenario scenario, long seed) {
      this.scenario = scenario;
      SctpConfig config = SctpConfig.builder().build();
      Payloads payloads = new Payloads(scenario.messageSize(), seed);
      net = VirtualNetwork.seeded(seed);
      sender =
          new SctpOverUdp(
              new SctpAssociation(config, RandomSource.seeded(seed)),
              A,
              B,
              payloads,
              TOP_UP_BYTES,
              scenario.pollEachRead());
      receiver =
          new SctpOverUdp(
              new SctpAssociation(config, RandomSource.seeded(~seed)),
              B,
              A,
              payloads,
              0,
              scenario.pollEachRead());
      a = net.addHost("sender", sender, A.getAddress());
      b = net.addHost("receiver", receiver, B.getAddress());
      net.linkBoth(a, b, scenario.link());
      sender.sctp.connect(net.now());
      receiver.sctp.connect(net.now());
      if (!net.runUntil(() -> sender.connected() && receiver.connected(), Time.seconds(60))) {
        throw new IllegalStateException("no association over " + scenario.link());
      }
    }

    void check() {
      for (SctpOverUdp side : new SctpOverUdp[] {sender, receiver}) {
        if (side.failure() != null || !side.connected()) {
          throw new IllegalStateException(scenario.name() + ": " + side.failure());
        }
      }
    }

    Snapshot snapshot() {
      return new Snapshot(
          receiver.received(),
          receiver.receivedBytes(),
          sender.packets(),
          dropped(net.linkStats(a, b)),
          sender.dataChunks(),
          sender.retransmittedChunks(),
          receiver.packets());
    }

    /** Packets the link lost at random or dropped because its queue was full. */
    private static long dropped(LinkStats stats) {
      return stats.lost() + stats.queueDropped() + stats.mtuDropped();
    }

    Result result(Snapshot before, double seconds, double wallSeconds) {
      Snapshot after = snapshot();
      return new Result(
          scenario,
          (after.receivedBytes - before.receivedBytes) * 8 / seconds / 1e6,
          seconds,
          wallSeconds,
          after.packets - before.packets,
          after.lost - before.lost,
          after.dataChunks - before.dataChunks,
          after.retransmitted - before.retransmitted,
          after.sacks - before.sacks,
          sender.sctp.congestionWindow());
    }
  }

  private static InetSocketAddress address(String ip) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), 5000);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
