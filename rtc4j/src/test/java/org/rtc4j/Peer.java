package org.rtc4j;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;

/**
 * One {@link RTCPeerConnection} as a host of the virtual network, with an in-process signaling
 * inbox on the same virtual clock: what the other peer signals arrives after a delay, as a task
 * that runs in {@link #handleTimeout}. Every event the connection raises is logged and, when a
 * listener is set, handed to it as it is polled.
 */
final class Peer implements DatagramEndpoint {
  /** Fixed so that certificates, and so whole calls, repeat exactly. */
  static final Clock WALL_CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

  private record Task(long at, long order, Consumer<Peer> action) {}

  final String name;
  final InetSocketAddress address;
  final RTCPeerConnection pc;
  final List<PeerConnectionEvent> events = new ArrayList<>();
  final List<DataChannel> remoteChannels = new ArrayList<>();
  final List<String> texts = new ArrayList<>();
  final List<byte[]> binaries = new ArrayList<>();
  final List<RTCIceCandidate> candidates = new ArrayList<>();
  private final PriorityQueue<Task> inbox =
      new PriorityQueue<>(
          (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.order, y.order));
  private long order;
  private long now;
  Consumer<PeerConnectionEvent> listener = e -> {};

  Peer(String name, InetSocketAddress address, long seed) {
    this(
        name,
        address,
        RTCConfiguration.builder()
            .random(RandomSource.of(new Random(seed)))
            .wallClock(WALL_CLOCK)
            .build());
  }

  Peer(String name, InetSocketAddress address, RTCConfiguration config) {
    this.name = name;
    this.address = address;
    this.pc = new RTCPeerConnection(config);
    pc.setHostAddresses(List.of(address), 0);
  }

  /** Runs {@code action} on this peer after {@code delayNanos} of virtual time. */
  void later(long delayNanos, Consumer<Peer> action) {
    inbox.add(new Task(Time.after(now, delayNanos), order++, Objects.requireNonNull(action)));
  }

  long now() {
    return now;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    now = nowNanos;
    pc.handleRead(datagram, nowNanos);
    drainEvents();
  }

  @Override
  public Datagram pollWrite() {
    drainEvents();
    return pc.pollWrite();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    now = nowNanos;
    while (!inbox.isEmpty() && inbox.peek().at <= nowNanos) {
      inbox.poll().action().accept(this);
      drainEvents();
    }
    if (Time.isDue(pc.pollTimeout(), nowNanos)) {
      pc.handleTimeout(nowNanos);
    }
    drainEvents();
  }

  @Override
  public long pollTimeout() {
    long next = pc.pollTimeout();
    if (!inbox.isEmpty()) {
      next = Math.min(next, inbox.peek().at);
    }
    return next;
  }

  /** Polls every event, logs it, and hands it to the listener. */
  void drainEvents() {
    for (PeerConnectionEvent e = pc.pollEvent(); e != null; e = pc.pollEvent()) {
      events.add(e);
      if (e instanceof PeerConnectionEvent.DataChannelOpened opened) {
        remoteChannels.add(opened.channel());
      } else if (e instanceof PeerConnectionEvent.IceCandidate c) {
        candidates.add(c.candidate());
      } else if (e instanceof PeerConnectionEvent.Channel c) {
        if (c.event() instanceof DataChannelEvent.TextMessage t) {
          texts.add(t.text());
        } else if (c.event() instanceof DataChannelEvent.BinaryMessage b) {
          binaries.add(b.data());
        }
      }
      listener.accept(e);
    }
  }

  /** The events of a type, in order. */
  <T extends PeerConnectionEvent> List<T> events(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (PeerConnectionEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  /** The data-channel events of a type, in order. */
  <T extends DataChannelEvent> List<T> channelEvents(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (PeerConnectionEvent e : events) {
      if (e instanceof PeerConnectionEvent.Channel c && type.isInstance(c.event())) {
        out.add(type.cast(c.event()));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return name + " " + pc;
  }
}
