package org.rtc4j.dtls.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a sans-I/O {@link PumpedEndpoint} over a real UDP socket against a real peer (an OpenSSL
 * process, a Bouncy Castle thread), on the real clock ({@link System#nanoTime()}).
 *
 * <p>Each turn of the loop: run {@code eachIteration} (such as {@code openssl::pollOutput}); send
 * everything {@link PumpedEndpoint#pollWrite()} has; stop if {@code done}; wait for one datagram
 * for at most the time to the endpoint's next deadline, clamped to [1 ms, 20 ms], and hand it to
 * {@link PumpedEndpoint#handleRead}; call {@link PumpedEndpoint#handleTimeout} once its deadline
 * has come. Queued datagrams are always sent before {@code done} is asked, so an endpoint's last
 * flight leaves even when sending it is what makes {@code done} true.
 *
 * <p>The loop is bounded in time by {@code limit} and in count by {@link #MAX_ITERATIONS}; running
 * out of either throws an {@link AssertionError} that says what the pump saw, plus the caller's
 * context (such as the peer's output).
 */
public final class UdpPump {
  /** The most turns one {@link #run} takes, whatever its time limit. */
  public static final long MAX_ITERATIONS = 5_000_000;

  /** The most datagrams an endpoint may queue at once before the pump calls it broken. */
  public static final int MAX_WRITES_PER_TURN = 10_000;

  private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final int MAX_DATAGRAM = 65_535;

  private UdpPump() {}

  /**
   * {@link #run(PumpedEndpoint, DatagramSocket, InetSocketAddress, BooleanSupplier, Duration,
   * Runnable, Supplier)} with no extra context.
   */
  public static InetSocketAddress run(
      PumpedEndpoint endpoint,
      DatagramSocket socket,
      InetSocketAddress peer,
      BooleanSupplier done,
      Duration limit,
      Runnable eachIteration) {
    return run(endpoint, socket, peer, done, limit, eachIteration, () -> "");
  }

  /**
   * Pumps datagrams between {@code endpoint} and {@code peer} through {@code socket} until {@code
   * done} says so.
   *
   * @param endpoint the sans-I/O endpoint under test
   * @param socket a bound socket; its receive timeout is changed while the pump runs and restored
   *     afterwards
   * @param peer where to send; {@code null} to learn it from the first datagram received (for an
   *     endpoint in the server role). Datagrams from any other address are ignored.
   * @param done asked each turn, after the endpoint's datagrams are sent
   * @param limit how long to try
   * @param eachIteration run at the start of each turn
   * @param context appended to the failure message, such as {@code openssl::output}
   * @return the peer: {@code peer}, or the address learned
   * @throws AssertionError if {@code done} is still false after {@code limit} or {@link
   *     #MAX_ITERATIONS} turns, or the endpoint queues more than {@link #MAX_WRITES_PER_TURN}
   *     datagrams at once
   * @throws IllegalStateException if the endpoint has a datagram to send before the peer is known
   * @throws UncheckedIOException if the socket fails
   */
  public static InetSocketAddress run(
      PumpedEndpoint endpoint,
      DatagramSocket socket,
      InetSocketAddress peer,
      BooleanSupplier done,
      Duration limit,
      Runnable eachIteration,
      Supplier<String> context) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(done, "done");
    Objects.requireNonNull(eachIteration, "eachIteration");
    Objects.requireNonNull(context, "context");
    long limitNanos = limit.toNanos();
    if (limitNanos <= 0) {
      throw new IllegalArgumentException("limit " + limit);
    }
    Counts counts = new Counts();
    byte[] buffer = new byte[MAX_DATAGRAM];
    DatagramPacket received = new DatagramPacket(buffer, buffer.length);
    long start = System.nanoTime();
    int originalTimeout = soTimeout(socket);
    try {
      for (long turn = 0; turn < MAX_ITERATIONS; turn++) {
        counts.turns = turn + 1;
        eachIteration.run();
        sendAll(endpoint, socket, peer, counts, context);
        if (done.getAsBoolean()) {
          return peer;
        }
        long now = System.nanoTime();
        long elapsed = now - start;
        if (elapsed >= limitNanos) {
          throw failure(
              "not done after " + limit.toMillis() + " ms", endpoint, peer, counts, context);
        }
        long deadline = endpoint.pollTimeout();
        long untilDeadline = deadline == Long.MAX_VALUE ? MAX_WAIT_NANOS : deadline - now;
        long wait = clamp(Math.min(untilDeadline, limitNanos - elapsed));
        received.setData(buffer, 0, buffer.length);
        if (receive(socket, received, wait)) {
          InetSocketAddress from = (InetSocketAddress) received.getSocketAddress();
          if (peer == null) {
            peer = from;
          }
          if (peer.equals(from)) {
            counts.received++;
            endpoint.handleRead(
                buffer, received.getOffset(), received.getLength(), System.nanoTime());
          } else {
            counts.ignored++;
          }
        }
        now = System.nanoTime();
        long due = endpoint.pollTimeout();
        if (due != Long.MAX_VALUE && due - now <= 0) {
          counts.timeouts++;
          endpoint.handleTimeout(now);
        }
      }
      throw failure("not done after " + MAX_ITERATIONS + " turns", endpoint, peer, counts, context);
    } finally {
      try {
        socket.setSoTimeout(originalTimeout);
      } catch (IOException e) {
        // A closed socket keeps no timeout to restore.
      }
    }
  }

  private static void sendAll(
      PumpedEndpoint endpoint,
      DatagramSocket socket,
      InetSocketAddress peer,
      Counts counts,
      Supplier<String> context) {
    for (int i = 0; i < MAX_WRITES_PER_TURN; i++) {
      byte[] datagram = endpoint.pollWrite();
      if (datagram == null) {
        return;
      }
      if (peer == null) {
        throw new IllegalStateException(
            "the endpoint sends before the peer is known: pass the peer's address" + context.get());
      }
      try {
        socket.send(new DatagramPacket(datagram, datagram.length, peer));
      } catch (IOException e) {
        throw new UncheckedIOException("sending to " + peer, e);
      }
      counts.sent++;
    }
    throw failure(
        "the endpoint queued more than " + MAX_WRITES_PER_TURN + " datagrams at once",
        endpoint,
        peer,
        counts,
        context);
  }

  private static boolean receive(DatagramSocket socket, DatagramPacket packet, long waitNanos) {
    try {
      socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)));
      socket.receive(packet);
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("receiving on " + socket.getLocalSocketAddress(), e);
    }
  }

  private static long clamp(long waitNanos) {
    return Math.max(MIN_WAIT_NANOS, Math.min(MAX_WAIT_NANOS, waitNanos));
  }

  private static int soTimeout(DatagramSocket socket) {
    try {
      return socket.getSoTimeout();
    } catch (IOException e) {
      throw new UncheckedIOException("socket " + socket.getLocalSocketAddress(), e);
    }
  }

  private static AssertionError failure(
      String what,
      PumpedEndpoint endpoint,
      InetSocketAddress peer,
      Counts counts,
      Supplier<String> context) {
    String extra = context.get();
    return new AssertionError(
        "UdpPump: "
            + what
            + "; peer "
            + (peer == null ? "not yet known" : peer)
            + ", "
            + counts
            + ", endpoint "
            + endpoint
            + (extra.isEmpty() ? "" : "\n" + extra));
  }

  /** What one run saw, for failure messages. */
  private static final class Counts {
    long turns;
    long sent;
    long received;
    long ignored;
    long timeouts;

    @Override
    public String toString() {
      return turns
          + " turns, "
          + sent
          + " datagrams sent, "
          + received
          + " received, "
          + ignored
          + " from strangers ignored, "
          + timeouts
          + " timeouts handled";
    }
  }
}
