package org.rtc4j.benchmarks.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.common.RandomSource;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.nio.NioConfig;
import org.rtc4j.nio.NioPeerConnection;
import org.rtc4j.nio.NioRuntime;

/**
 * The answering peer of {@link E2eBenchmark}, in a JVM of its own: reads {@link SignalLine}s from
 * stdin and writes its answers to stdout (nothing else goes there; {@code System.out} is pointed at
 * stderr). Every peer connection runs on one {@link NioRuntime} bound to 127.0.0.1.
 *
 * <p>The lines it understands, and what it answers:
 *
 * <ul>
 *   <li>{@code OFFER id fresh|reuse sdp}: a new peer connection (with a certificate made for it, or
 *       the one made at start) answers the offer: {@code ANSWER id sdp}. On a channel whose label
 *       starts with {@code echo} it sends every message back; on any other it counts them.
 *   <li>{@code COUNT id label}: {@code COUNT bytes messages nanos cpuNanos}, what arrived on the
 *       channel so far, read on the loop thread at this JVM's {@code System.nanoTime()} {@code
 *       nanos}, and this process's CPU time so far.
 *   <li>{@code STATE id}: {@code STATE text}, the connection's states and drop counts.
 *   <li>{@code CLOSE id}: closes the connection, {@code CLOSED id}.
 *   <li>{@code QUIT}: {@code BYE}, then the process ends (also at the end of stdin).
 * </ul>
 *
 * At start it says {@code READY version cpus}; a command that fails is answered with {@code ERROR
 * reason}.
 */
public final class E2ePeer {
  /** How many connections may be open at once. */
  static final int MAX_CONNECTIONS = 64;

  /** How many labels one connection counts. */
  static final int MAX_LABELS = 64;

  private static final Duration IDLE = Duration.ofMinutes(10);
  private static final Duration CALL = Duration.ofSeconds(10);

  private final NioRuntime runtime;
  private final DtlsCertificate certificate;
  private final PrintStream signal;
  private final Map<Long, Answerer> connections = new LinkedHashMap<>();

  private E2ePeer(NioRuntime runtime, DtlsCertificate certificate, PrintStream signal) {
    this.runtime = runtime;
    this.certificate = certificate;
    this.signal = signal;
  }

  /** Runs the answering peer until {@code QUIT} or the end of stdin. */
  public static void main(String[] args) throws Exception {
    PrintStream signal = System.out;
    System.setOut(System.err); // stdout carries signaling lines only
    SignalReader in = SignalReader.start(System.in, "e2e-peer-stdin");
    NioConfig config =
        NioConfig.builder()
            .bindAddresses(List.of(InetAddress.getByName("127.0.0.1")))
            .threadName("rtc4j-nio-answerer")
            .daemon(true)
            .build();
    try (NioRuntime runtime = NioRuntime.start(config)) {
      DtlsCertificate certificate =
          DtlsCertificate.selfSigned(Instant.now(), RandomSource.secure());
      E2ePeer peer = new E2ePeer(runtime, certificate, signal);
      peer.write(
          SignalLine.of(
              "READY",
              SignalLine.text(E2eBenchmark.jvmDescription()),
              Integer.toString(Runtime.getRuntime().availableProcessors())));
      peer.serve(in);
    }
  }

  private void serve(SignalReader in) throws InterruptedException {
    while (true) {
      SignalLine line;
      try {
        line = in.next(IDLE);
      } catch (IOException | TimeoutException e) {
        return; // the benchmark is gone
      }
      if (line.is("QUIT", 0)) {
        write(SignalLine.of("BYE"));
        return;
      }
      try {
        write(handle(line));
      } catch (RuntimeException | ExecutionException | TimeoutException e) {
        // The boundary of one command: whatever went wrong is the benchmark's to report.
        write(SignalLine.of("ERROR", SignalLine.text(line.verb() + ": " + e)));
      }
    }
  }

  private SignalLine handle(SignalLine line)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (line.is("OFFER", 3)) {
      long id = line.number(0);
      boolean fresh = line.field(1).equals("fresh");
      if (connections.size() >= MAX_CONNECTIONS) {
        throw new IllegalStateException("already " + MAX_CONNECTIONS + " connections");
      }
      if (connections.containsKey(id)) {
        throw new IllegalStateException("connection " + id + " exists");
      }
      RTCSessionDescription offer = RTCSessionDescription.offer(line.textField(2));
      Answerer answerer = new Answerer();
      RTCPeerConnection pc =
          fresh
              ? new RTCPeerConnection()
              : new RTCPeerConnection(RTCConfiguration.builder().certificate(certificate).build());
      answerer.peer = NioPeerConnection.register(runtime, pc, answerer::onEvent);
      connections.put(id, answerer);
      NioPeerConnection peer = answerer.peer;
      String answer =
          peer.call(
                  c -> {
                    c.setRemoteDescription(offer, peer.now());
                    c.setLocalDescription(c.createAnswer(), peer.now());
                    return c.localDescription().orElseThrow().sdp();
                  })
              .get(CALL.toMillis(), TimeUnit.MILLISECONDS);
      return SignalLine.of("ANSWER", Long.toString(id), SignalLine.text(answer));
    }
    if (line.is("COUNT", 2)) {
      Answerer answerer = connection(line.number(0));
      String label = line.field(1);
      long[] count =
          answerer
              .peer
              .call(
                  c -> {
                    long[] n = answerer.counts.getOrDefault(label, new long[2]);
                    return new long[] {n[0], n[1], System.nanoTime()};
                  })
              .get(CALL.toMillis(), TimeUnit.MILLISECONDS);
      return SignalLine.of(
          "COUNT",
          Long.toString(count[0]),
          Long.toString(count[1]),
          Long.toString(count[2]),
          Long.toString(processCpuNanos()));
    }
    if (line.is("STATE", 1)) {
      Answerer answerer = connection(line.number(0));
      String state =
          answerer.peer.call(E2ePeer::describe).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
      return SignalLine.of("STATE", SignalLine.text(state));
    }
    if (line.is("CLOSE", 1)) {
      long id = line.number(0);
      Answerer answerer = connection(id);
      connections.remove(id);
      answerer.peer.close().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
      answerer.peer.registration().closed().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
      return SignalLine.of("CLOSED", Long.toString(id));
    }
    throw new IllegalArgumentException("unknown command " + line);
  }

  /** What a connection's drop counters and channels say, for a benchmark that went wrong. */
  static String describe(RTCPeerConnection pc) {
    StringBuilder s = new StringBuilder();
    s.append(pc.connectionState()).append(", drops ").append(pc.drops().snapshot());
    pc.dtlsTransport().ifPresent(d -> s.append(", DTLS ").append(d.state()));
    pc.sctpAssociation()
        .ifPresent(
            a ->
                s.append(", SCTP ")
                    .append(a.state())
                    .append(" drops ")
                    .append(a.drops().snapshot())
                    .append(" cwnd ")
                    .append(a.congestionWindow())
                    .append(" RTO ")
                    .append(a.retransmitTimeout() / 1_000_000)
                    .append(" ms"));
    for (DataChannel c : pc.dataChannels()) {
      s.append(", ").append(c).append(" buffered ").append(c.bufferedAmount());
    }
    return s.toString();
  }

  private Answerer connection(long id) {
    Answerer a = connections.get(id);
    if (a == null) {
      throw new IllegalArgumentException("no connection " + id);
    }
    return a;
  }

  private void write(SignalLine line) {
    signal.println(line.encode());
    signal.flush();
  }

  /** This process's CPU time, in nanoseconds, or -1 if the JVM does not say. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** One answering connection: echoes on {@code echo*} channels, counts on the others. */
  private static final class Answerer {
    NioPeerConnection peer;

    /** Per label: bytes and messages received. Loop thread only. */
    final Map<String, long[]> counts = new HashMap<>();

    void onEvent(PeerConnectionEvent e) {
      if (!(e instanceof PeerConnectionEvent.Channel c)) {
        return;
      }
      DataChannelEvent event = c.event();
      String label = event.channel().label();
      int length;
      if (event instanceof DataChannelEvent.BinaryMessage m) {
        if (label.startsWith("echo")) {
          m.channel().send(m.data());
          return;
        }
        length = m.data().length;
      } else if (event instanceof DataChannelEvent.TextMessage t) {
        if (label.startsWith("echo")) {
          t.channel().send(t.text());
          return;
        }
        length = t.text().length();
      } else {
        return;
      }
      long[] n = counts.get(label);
      if (n == null) {
        if (counts.size() >= MAX_LABELS) {
          return;
        }
        n = new long[2];
        counts.put(label, n);
      }
      n[0] += length;
      n[1]++;
    }
  }
}
