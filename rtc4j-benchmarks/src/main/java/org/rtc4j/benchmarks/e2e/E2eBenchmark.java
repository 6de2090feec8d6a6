package org.rtc4j.benchmarks.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rtc4j.benchmarks.e2e.OfferingPeer.Count;
import org.rtc4j.common.RandomSource;
import org.rtc4j.datachannel.DataChannelInit;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.nio.NioConfig;
import org.rtc4j.nio.NioRuntime;

/**
 * Two rtc4j peers in two JVMs, over UDP on 127.0.0.1, both on {@link NioRuntime}: this JVM offers,
 * an {@link E2ePeer} it starts answers, and signaling goes over the answerer's stdin and stdout.
 *
 * <pre>
 * java -cp rtc4j-benchmarks/target/benchmarks.jar org.rtc4j.benchmarks.e2e.E2eBenchmark \
 *     [--seconds N] [--connections N] [--round-trips N] [--peer-java-options "OPTIONS"]
 * </pre>
 *
 * <p>It measures, after warming up, and prints as a table:
 *
 * <ul>
 *   <li>connection time: from {@code new RTCPeerConnection} on this side to its data channel open
 *       on this side, signaling round trip included: the first connection of both JVMs (cold, each
 *       side making its certificate); the median of {@code --connections} connections each making
 *       new certificates; the median of as many reusing certificates made beforehand (warm);
 *   <li>throughput for {@code --seconds} each (default 5) on one channel kept full (the sender
 *       keeps its buffered amount under 2 MiB and refills it at 1 MiB): reliable ordered 1 KiB and
 *       64 KiB messages, reliable unordered 1 KiB messages, 64-byte messages per second; counted by
 *       the receiver, with both processes' CPU use;
 *   <li>round-trip time of 1 KiB messages, one outstanding, p50 and p99 of {@code --round-trips}
 *       (default 5000) after 1000 unnoted.
 * </ul>
 *
 * The answering JVM gets this JVM's options, except agents and flight recordings, unless {@code
 * --peer-java-options} names its own (space-separated).
 */
public final class E2eBenchmark {
  private static final Duration CONNECT = Duration.ofSeconds(20);
  private static final Duration DRAIN = Duration.ofSeconds(30);
  private static final long HIGH_WATER = 2L << 20;
  private static final int WARM_UP_CONNECTIONS = 10;
  private static final int WARM_UP_ROUND_TRIPS = 1000;

  private final NioRuntime runtime;
  private final AnsweringPeer answering;
  private final PrintStream out;
  private final List<Result> results = new ArrayList<>();
  private long nextId;

  private E2eBenchmark(NioRuntime runtime, AnsweringPeer answering, PrintStream out) {
    this.runtime = runtime;
    this.answering = answering;
    this.out = out;
  }

  /**
   * One figure of the table.
   *
   * @param what what was measured
   * @param value the figure as printed, with its unit
   * @param figure the figure as a number, in the unit printed
   * @param note how it came about
   */
  record Result(String what, String value, double figure, String note) {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    run(Options.parse(args), System.out);
  }

  /** Runs the benchmark with {@code options}, printing as it goes and the table at the end. */
  static List<Result> run(Options options, PrintStream out) throws Exception {
    out.println("rtc4j end-to-end benchmark: two JVMs, UDP over 127.0.0.1");
    out.println("offerer  JVM: " + jvmDescription());
    out.println("offerer  CPUs: " + Runtime.getRuntime().availableProcessors());
    NioConfig config =
        NioConfig.builder()
            .bindAddresses(List.of(InetAddress.getByName("127.0.0.1")))
            .threadName("rtc4j-nio-offerer")
            .daemon(true)
            .build();
    try (NioRuntime runtime = NioRuntime.start(config);
        AnsweringPeer answering = AnsweringPeer.start(options.peerJavaOptions)) {
      out.println("answerer JVM: " + answering.jvm() + " (pid " + answering.pid() + ")");
      out.println("answerer CPUs: " + answering.cpus());
      out.println("answerer JVM options: " + options.peerJavaOptions);
      E2eBenchmark bench = new E2eBenchmark(runtime, answering, out);
      bench.connectionTimes(options.connections);
      bench.throughput(options.seconds);
      bench.roundTrips(options.roundTrips);
      bench.print();
      out.println("offerer runtime drops: " + runtime.drops());
      return List.copyOf(bench.results);
    }
  }

  /** The JVM's vendor, name and version, as printed. */
  static String jvmDescription() {
    return System.getProperty("java.vm.vendor")
        + " "
        + System.getProperty("java.vm.name")
        + " "
        + Runtime.version();
  }

  // ---------------------------------------------------------------- connection time

  private void connectionTimes(int n) throws Exception {
    long cold = connectOnce(null);
    row("connect, cold: first connection of both JVMs, certificates made", cold / 1e6, " ms", "");
    DtlsCertificate made = DtlsCertificate.selfSigned(Instant.now(), RandomSource.secure());
    for (int i = 0; i < Math.min(WARM_UP_CONNECTIONS, n); i++) {
      connectOnce(made);
      connectOnce(null);
    }
    long[] fresh = new long[n];
    long[] reuse = new long[n];
    for (int i = 0; i < n; i++) {
      fresh[i] = connectOnce(null);
      reuse[i] = connectOnce(made);
    }
    Arrays.sort(fresh);
    Arrays.sort(reuse);
    row(
        "connect, certificates made per connection: median of " + n,
        fresh[n / 2] / 1e6,
        " ms",
        "min " + ms(fresh[0]) + ", max " + ms(fresh[n - 1]));
    row(
        "connect, warm (certificates made beforehand): median of " + n + " (goal < 50 ms)",
        reuse[n / 2] / 1e6,
        " ms",
        "min " + ms(reuse[0]) + ", max " + ms(reuse[n - 1]));
  }

  /** One connection with one channel; its time, from new RTCPeerConnection to the channel open. */
  private long connectOnce(DtlsCertificate cert) throws Exception {
    OfferingPeer o =
        OfferingPeer.connect(
            runtime,
            answering,
            ++nextId,
            cert,
            Map.of("connect", DataChannelInit.DEFAULT),
            CONNECT);
    long t = o.connectNanos();
    o.close();
    return t;
  }

  // ---------------------------------------------------------------- throughput

  private void throughput(int seconds) throws Exception {
    DtlsCertificate made = DtlsCertificate.selfSigned(Instant.now(), RandomSource.secure());
    Duration measure = Duration.ofSeconds(seconds);
    Duration warmUp = Duration.ofSeconds(Math.max(1, seconds / 2));
    DataChannelInit unordered = DataChannelInit.builder().ordered(false).build();
    // A connection each, so that one that stalls cannot spoil the next measurement.
    flood(
        made,
        "ordered-1k",
        DataChannelInit.DEFAULT,
        1024,
        warmUp,
        measure,
        "reliable ordered 1 KiB (goal >= 1000 Mbit/s)");
    flood(
        made,
        "ordered-64k",
        DataChannelInit.DEFAULT,
        65536,
        warmUp,
        measure,
        "reliable ordered 64 KiB");
    flood(made, "unordered-1k", unordered, 1024, warmUp, measure, "reliable unordered 1 KiB");
    flood(
        made, "ordered-64b", DataChannelInit.DEFAULT, 64, warmUp, measure, "reliable ordered 64 B");
  }

  private void flood(
      DtlsCertificate made,
      String label,
      DataChannelInit init,
      int size,
      Duration warmUp,
      Duration measure,
      String what)
      throws Exception {
    OfferingPeer o =
        OfferingPeer.connect(runtime, answering, ++nextId, made, Map.of(label, init), CONNECT);
    Flood flood =
        o.call(
            pc -> {
              Flood f = new Flood(o.channel(label), size, HIGH_WATER);
              o.handle(label, f::handle);
              f.start();
              return f;
            });
    sleep(warmUp);
    Count c0 = o.count(label);
    long cpu0 = E2ePeer.processCpuNanos();
    long udpDrops0 = udpReceiveBufferErrors();
    sleep(measure);
    Count c1 = o.count(label);
    long cpu1 = E2ePeer.processCpuNanos();
    long udpDrops = udpReceiveBufferErrors() - udpDrops0;
    String sctp =
        o.call(
            pc ->
                pc.sctpAssociation()
                    .map(
                        a ->
                            "cwnd "
                                + a.congestionWindow()
                                + " B, RTO "
                                + a.retransmitTimeout() / 1_000_000
                                + " ms")
                    .orElse("no association"));
    long sent = o.call(pc -> stop(flood));
    // Let what is buffered arrive before the next measurement starts.
    long deadline = System.nanoTime() + DRAIN.toNanos();
    Count last = c1;
    while (last.bytes() < sent && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(20));
      last = o.count(label);
    }
    String stall = "";
    if (last.bytes() != sent) {
      // Reported, not thrown: a stalled association is a finding of the benchmark.
      stall =
          "; STALLED: "
              + (sent - last.bytes())
              + " of "
              + sent
              + " bytes sent had not arrived "
              + DRAIN.toSeconds()
              + " s after the sender stopped ("
              + o.describe()
              + ")";
      out.println("  " + what + stall);
    }
    o.close();
    double seconds = (c1.nanos() - c0.nanos()) / 1e9;
    double mbits = (c1.bytes() - c0.bytes()) * 8 / seconds / 1e6;
    double messages = (c1.messages() - c0.messages()) / seconds;
    long received = c1.messages() - c0.messages();
    double senderCpu = (cpu1 - cpu0) / (double) received;
    double receiverCpu = (c1.cpuNanos() - c0.cpuNanos()) / (double) received;
    // Were each process to have a core of its own, the busier one would set the pace.
    double cpuBound = size * 8e3 / Math.max(senderCpu, receiverCpu);
    String cpu =
        String.format(
                Locale.ROOT,
                "CPU: sender %.0f %%, receiver %.0f %% of one core; CPU per message: sender %.2f us,"
                    + " receiver %.2f us (a core each: %.0f Mbit/s)",
                100.0 * (cpu1 - cpu0) / (seconds * 1e9),
                100.0 * (c1.cpuNanos() - c0.cpuNanos()) / (seconds * 1e9),
                senderCpu / 1e3,
                receiverCpu / 1e3,
                cpuBound)
            + (udpDrops >= 0 ? "; UDP receive buffer drops (whole host) " + udpDrops : "")
            + "; sender's "
            + sctp
            + stall;
    if (size <= 64) {
      row(
          what + ": messages per second",
          messages,
          " msg/s",
          String.format(Locale.ROOT, "%.1f Mbit/s; ", mbits) + cpu);
    } else {
      row(
          what + ": throughput",
          mbits,
          " Mbit/s",
          String.format(Locale.ROOT, "%.0f msg/s; ", messages) + cpu);
    }
  }

  private static long stop(Flood f) {
    f.stop();
    return f.sentBytes();
  }

  // ---------------------------------------------------------------- round trips

  private void roundTrips(int n) throws Exception {
    OfferingPeer o =
        OfferingPeer.connect(
            runtime,
            answering,
            ++nextId,
            DtlsCertificate.selfSigned(Instant.now(), RandomSource.secure()),
            Map.of("echo", DataChannelInit.DEFAULT),
            CONNECT);
    long[] rtt =
        o.call(
                pc -> {
                  PingPong p =
                      new PingPong(o.channel("echo"), 1024, Math.min(WARM_UP_ROUND_TRIPS, n), n);
                  o.handle("echo", p::handle);
                  return p.start();
                })
            .get(Math.max(60, n / 100), TimeUnit.SECONDS);
    Arrays.sort(rtt);
    String spread = "min " + us(rtt[0]) + ", max " + us(rtt[n - 1]);
    row("round trip, 1 KiB, one outstanding: p50 of " + n, rtt[n / 2] / 1e3, " us", spread);
    row(
        "round trip, 1 KiB, one outstanding: p99 of " + n,
        rtt[(int) Math.min(n - 1, (long) n * 99 / 100)] / 1e3,
        " us",
        spread);
    o.close();
  }

  // ---------------------------------------------------------------- output

  private void row(String what, double figure, String unit, String note) {
    String value = String.format(Locale.ROOT, unit.equals(" ms") ? "%.1f" : "%.0f", figure) + unit;
    results.add(new Result(what, value, figure, note));
    out.printf(Locale.ROOT, "  %s: %s; %s%n", what, value, note);
  }

  private void print() {
    int w0 = 0;
    int w1 = 0;
    for (Result r : results) {
      w0 = Math.max(w0, r.what().length());
      w1 = Math.max(w1, r.value().length());
    }
    out.println();
    String format = "| %-" + w0 + "s | %" + w1 + "s | %s |%n";
    out.printf(Locale.ROOT, format, "measurement", "result", "notes");
    out.printf(Locale.ROOT, "|%s|%s:|---|%n", "-".repeat(w0 + 2), "-".repeat(w1 + 1));
    for (Result r : results) {
      out.printf(Locale.ROOT, format, r.what(), r.value(), r.note());
    }
    out.println();
  }

  /**
   * Linux's count of UDP datagrams dropped for a full socket receive buffer, over the whole host
   * ({@code /proc/net/snmp}, Udp RcvbufErrors); -1 where there is none.
   */
  private static long udpReceiveBufferErrors() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
      for (int i = 0; i + 1 < lines.size(); i++) {
        if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
          List<String> names = List.of(lines.get(i).trim().split("\\s+"));
          String[] values = lines.get(i + 1).trim().split("\\s+");
          int at = names.indexOf("RcvbufErrors");
          return at < 0 ? -1 : Long.parseLong(values[at]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the figure is left out.
    }
    return -1;
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  private static String us(long nanos) {
    return String.format(Locale.ROOT, "%.0f us", nanos / 1e3);
  }

  private static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }

  /** The command line. */
  record Options(int seconds, int connections, int roundTrips, List<String> peerJavaOptions) {
    static Options parse(String[] args) {
      int seconds = 5;
      int connections = 20;
      int roundTrips = 5000;
      List<String> peer = inheritedJavaOptions();
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (value == null) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        switch (args[i]) {
          case "--seconds" -> seconds = positive(args[i], value);
          case "--connections" -> connections = positive(args[i], value);
          case "--round-trips" -> roundTrips = positive(args[i], value);
          case "--peer-java-options" ->
              peer = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
        i++;
      }
      return new Options(seconds, connections, roundTrips, peer);
    }

    private static int positive(String name, String value) {
      int n = Integer.parseInt(value);
      if (n < 1) {
        throw new IllegalArgumentException(name + " is at least 1: " + n);
      }
      return n;
    }

    /** This JVM's options, less those that must not be doubled (agents, recordings, debuggers). */
    private static List<String> inheritedJavaOptions() {
      List<String> out = new ArrayList<>();
      for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (!a.startsWith("-agentlib")
            && !a.startsWith("-agentpath")
            && !a.startsWith("-javaagent")
            && !a.startsWith("-XX:StartFlightRecording")
            && !a.startsWith("-XX:FlightRecorderOptions")
            && !a.startsWith("-Xrunjdwp")
            && !a.startsWith("-Xdebug")) {
          out.add(a);
        }
      }
      return List.copyOf(out);
    }
  }
}
