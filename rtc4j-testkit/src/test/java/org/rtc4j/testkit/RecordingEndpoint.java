package org.rtc4j.testkit;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.Time;

/** A test endpoint that sends what it is told, when it is told, and records what arrives. */
final class RecordingEndpoint implements DatagramEndpoint {

  /** One datagram that arrived, copied. */
  record Received(
      long timeNanos, InetSocketAddress local, InetSocketAddress remote, byte[] payload) {
    /** The number that {@link #numbered} wrote at the start of the payload. */
    int number() {
      return ByteBuffer.wrap(payload).getInt();
    }
  }

  private record Scheduled(long timeNanos, long order, Datagram datagram) {}

  private final PriorityQueue<Scheduled> scheduled =
      new PriorityQueue<>(
          Comparator.comparingLong(Scheduled::timeNanos).thenComparingLong(Scheduled::order));
  private final ArrayDeque<Datagram> outbox = new ArrayDeque<>();
  final List<Received> received = new ArrayList<>();
  private long order;

  /** A payload of {@code size} bytes that starts with {@code number}, the rest a pattern. */
  static byte[] numbered(int number, int size) {
    byte[] payload = new byte[Math.max(size, Integer.BYTES)];
    ByteBuffer.wrap(payload).putInt(number);
    for (int i = Integer.BYTES; i < payload.length; i++) {
      payload[i] = (byte) (number * 31 + i);
    }
    return payload;
  }

  /** Sends {@code datagram} at the next drain. */
  void send(Datagram datagram) {
    outbox.add(datagram);
  }

  /** Sends {@code datagram} when the clock reaches {@code timeNanos}. */
  void sendAt(long timeNanos, Datagram datagram) {
    scheduled.add(new Scheduled(timeNanos, order++, datagram));
  }

  /** Sends {@code count} numbered packets, one every {@code intervalNanos} from {@code start}. */
  void sendPaced(
      long start,
      long intervalNanos,
      int count,
      int size,
      InetSocketAddress local,
      InetSocketAddress remote) {
    for (int i = 0; i < count; i++) {
      sendAt(start + i * intervalNanos, Datagram.udp(numbered(i, size), local, remote));
    }
  }

  /** The numbers of the packets that arrived, in arrival order. */
  List<Integer> receivedNumbers() {
    List<Integer> numbers = new ArrayList<>();
    for (Received r : received) {
      numbers.add(r.number());
    }
    return numbers;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    received.add(
        new Received(nowNanos, datagram.local(), datagram.remote(), datagram.copyPayload()));
  }

  @Override
  public Datagram pollWrite() {
    return outbox.poll();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    while (!scheduled.isEmpty() && scheduled.peek().timeNanos() <= nowNanos) {
      outbox.add(scheduled.poll().datagram());
    }
  }

  @Override
  public long pollTimeout() {
    return scheduled.isEmpty() ? Time.NEVER : scheduled.peek().timeNanos();
  }
}
