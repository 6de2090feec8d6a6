package org.rtc4j.benchmarks.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.PeerConnectionState;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.datachannel.DataChannelInit;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.nio.NioPeerConnection;
import org.rtc4j.nio.NioRuntime;

/**
 * The benchmark's side of one connection: an {@link RTCPeerConnection} on the benchmark's {@link
 * NioRuntime} that creates the data channels, offers, and hands each channel's events to the
 * handler set for its label.
 */
final class OfferingPeer {
  private static final Duration CALL = Duration.ofSeconds(10);

  private final long id;
  private final AnsweringPeer answering;
  private final Map<String, DataChannel> channels = new LinkedHashMap<>();
  private final CompletableFuture<Long> allOpen = new CompletableFuture<>();

  // Loop thread only.
  private final Map<String, Consumer<DataChannelEvent>> handlers = new HashMap<>();
  private int opened;

  private NioPeerConnection peer;
  private long startNanos;

  private OfferingPeer(long id, AnsweringPeer answering) {
    this.id = id;
    this.answering = answering;
  }

  /**
   * Makes a connection and waits until every channel is open on this side.
   *
   * @param certificate the certificate to use, or null to have the connection make one (timed)
   * @param channels the channels to create, by label
   * @param timeout how long the whole may take
   */
  static OfferingPeer connect(
      NioRuntime runtime,
      AnsweringPeer answering,
      long id,
      DtlsCertificate certificate,
      Map<String, DataChannelInit> channels,
      Duration timeout)
      throws IOException, InterruptedException, TimeoutException, ExecutionException {
    OfferingPeer o = new OfferingPeer(id, answering);
    o.startNanos = System.nanoTime();
    // The timed span starts here: certificate generation (when asked for) is part of it.
    RTCPeerConnection pc =
        certificate == null
            ? new RTCPeerConnection()
            : new RTCPeerConnection(RTCConfiguration.builder().certificate(certificate).build());
    o.peer = NioPeerConnection.register(runtime, pc, o::onEvent);
    String offer =
        o.call(
            c -> {
              for (Map.Entry<String, DataChannelInit> e : channels.entrySet()) {
                o.channels.put(e.getKey(), c.createDataChannel(e.getKey(), e.getValue()));
              }
              c.setLocalDescription(c.createOffer(), o.peer.now());
              return c.localDescription().orElseThrow().sdp();
            });
    SignalLine answer =
        answering.request(
            SignalLine.of(
                "OFFER",
                Long.toString(id),
                certificate == null ? "fresh" : "reuse",
                SignalLine.text(offer)),
            "ANSWER",
            timeout);
    RTCSessionDescription remote = RTCSessionDescription.answer(answer.textField(1));
    o.call(
        c -> {
          c.setRemoteDescription(remote, o.peer.now());
          return null;
        });
    o.allOpen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return o;
  }

  /** From {@code new RTCPeerConnection} to the last channel open on this side, in nanoseconds. */
  long connectNanos() {
    return allOpen.join() - startNanos;
  }

  /** The channel with {@code label}; use it on the loop thread only. */
  DataChannel channel(String label) {
    DataChannel c = channels.get(label);
    if (c == null) {
      throw new IllegalArgumentException("no channel '" + label + "'");
    }
    return c;
  }

  /** Sends the events of the channel with {@code label} to {@code handler}; loop thread only. */
  void handle(String label, Consumer<DataChannelEvent> handler) {
    handlers.put(label, handler);
  }

  /**
   * Runs {@code action} on the loop thread and waits (at most 10 s) for its result.
   *
   * @throws ExecutionException if the action threw
   */
  <T> T call(Function<RTCPeerConnection, T> action)
      throws InterruptedException, ExecutionException, TimeoutException {
    return peer.call(action).get(CALL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The answering peer's count of what arrived on {@code label}. */
  Count count(String label) throws IOException, InterruptedException, TimeoutException {
    SignalLine line =
        answering.request(SignalLine.of("COUNT", Long.toString(id), label), "COUNT", CALL);
    if (!line.is("COUNT", 4)) {
      throw new IOException("a malformed count: " + line);
    }
    return new Count(line.number(0), line.number(1), line.number(2), line.number(3));
  }

  /** What both sides' states and drop counts are, for a measurement that went wrong. */
  String describe() throws IOException, InterruptedException, TimeoutException, ExecutionException {
    SignalLine line = answering.request(SignalLine.of("STATE", Long.toString(id)), "STATE", CALL);
    return "offerer: " + call(E2ePeer::describe) + "; answerer: " + line.textField(0);
  }

  /** Closes both sides and waits until this side's sockets are free. */
  void close() throws IOException, InterruptedException, TimeoutException, ExecutionException {
    peer.close().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
    peer.registration().closed().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
    answering.request(SignalLine.of("CLOSE", Long.toString(id)), "CLOSED", CALL);
  }

  private void onEvent(PeerConnectionEvent e) {
    if (e instanceof PeerConnectionEvent.Channel c) {
      DataChannelEvent event = c.event();
      if (event instanceof DataChannelEvent.Open) {
        opened++;
        if (opened == channels.size()) {
          allOpen.complete(System.nanoTime());
        }
      }
      Consumer<DataChannelEvent> handler = handlers.get(event.channel().label());
      if (handler != null) {
        handler.accept(event);
      }
    } else if (e instanceof PeerConnectionEvent.ConnectionStateChange s
        && (s.state() == PeerConnectionState.FAILED || s.state() == PeerConnectionState.CLOSED)) {
      allOpen.completeExceptionally(new IOException("the connection is " + s.state()));
    }
  }

  /**
   * What the answering peer had received on one channel.
   *
   * @param bytes bytes received so far
   * @param messages messages received so far
   * @param nanos when, on the answering JVM's {@code System.nanoTime()}
   * @param cpuNanos the answering process's CPU time then
   */
  record Count(long bytes, long messages, long nanos, long cpuNanos) {}
}
