package org.rtc4j.dtls.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rtc4j.common.Time;

/** {@link UdpPump} against plain UDP sockets served from the test thread. */
@Timeout(10)
class UdpPumpTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  @Test
  void pingPongWithAnEchoSocket() throws Exception {
    try (DatagramSocket pumped = loopback();
        DatagramSocket echo = loopback()) {
      Scripted ep = new Scripted();
      ep.queue("ping");
      InetSocketAddress peer = address(echo);
      InetSocketAddress used =
          UdpPump.run(
              ep,
              pumped,
              peer,
              () -> ep.received.contains("pong"),
              LIMIT,
              () -> answer(echo, "ping", "pong"));
      assertEquals(peer, used);
      assertEquals(List.of("pong"), ep.received);
    }
  }

  @Test
  void learnsThePeerFromTheFirstDatagram() throws Exception {
    try (DatagramSocket pumped = loopback();
        DatagramSocket client = loopback()) {
      Scripted ep = new Scripted();
      ep.reply("hello", "world");
      send(client, address(pumped), "hello");
      List<String> clientGot = new ArrayList<>();
      InetSocketAddress learned =
          UdpPump.run(
              ep,
              pumped,
              null,
              () -> clientGot.contains("world"),
              LIMIT,
              () -> {
                String s = poll(client);
                if (s != null) {
                  clientGot.add(s);
                }
              });
      assertEquals(address(client), learned);
      assertEquals(List.of("hello"), ep.received);
    }
  }

  @Test
  void ignoresDatagramsFromStrangers() throws Exception {
    try (DatagramSocket pumped = loopback();
        DatagramSocket echo = loopback();
        DatagramSocket stranger = loopback()) {
      Scripted ep = new Scripted();
      send(stranger, address(pumped), "stranger");
      ep.queue("ping");
      UdpPump.run(
          ep,
          pumped,
          address(echo),
          () -> ep.received.contains("pong"),
          LIMIT,
          () -> answer(echo, "ping", "pong"));
      // The stranger's datagram was queued on the socket before the ping left, so the pump read
      // it before the pong, and dropped it.
      assertEquals(List.of("pong"), ep.received);
      assertEquals(null, poll(pumped), "the stranger's datagram was read, not left behind");
    }
  }

  @Test
  void firesTheEndpointsTimerWhenDue() throws Exception {
    try (DatagramSocket pumped = loopback();
        DatagramSocket silent = loopback()) {
      Scripted ep = new Scripted();
      long deadline = System.nanoTime() + Time.millis(30);
      ep.timeout = deadline;
      UdpPump.run(ep, pumped, address(silent), () -> !ep.timeouts.isEmpty(), LIMIT, () -> {});
      assertEquals(1, ep.timeouts.size());
      assertTrue(ep.timeouts.get(0) >= deadline, "fired early");
      assertTrue(ep.timeouts.get(0) - deadline < Time.seconds(1), "fired very late");
    }
  }

  @Test
  void sendsTheLastDatagramsBeforeAskingDone() throws Exception {
    try (DatagramSocket pumped = loopback();
        DatagramSocket sink = loopback()) {
      Scripted ep = new Scripted();
      ep.queue("last flight");
      UdpPump.run(ep, pumped, address(sink), () -> true, LIMIT, () -> {});
      sink.setSoTimeout(2000);
      assertEquals("last flight", receive(sink));
    }
  }

  @Test
  void runningOutOfTimeFailsWithContext() throws Exception {
    try (DatagramSocket pumped = loopback();
        DatagramSocket silent = loopback()) {
      pumped.setSoTimeout(1234);
      Scripted ep = new Scripted();
      ep.queue("hello?");
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () ->
                  UdpPump.run(
                      ep,
                      pumped,
                      address(silent),
                      () -> false,
                      Duration.ofMillis(100),
                      () -> {},
                      () -> "--- peer output: nothing ---"));
      assertTrue(e.getMessage().contains("not done after 100 ms"), e.getMessage());
      assertTrue(e.getMessage().contains("1 datagrams sent"), e.getMessage());
      assertTrue(e.getMessage().contains("peer output: nothing"), e.getMessage());
      assertEquals(1234, pumped.getSoTimeout(), "the socket's timeout is restored");
    }
  }

  @Test
  void aServerCannotSpeakFirst() throws Exception {
    try (DatagramSocket pumped = loopback()) {
      Scripted ep = new Scripted();
      ep.queue("too early");
      assertThrows(
          IllegalStateException.class,
          () -> UdpPump.run(ep, pumped, null, () -> false, LIMIT, () -> {}));
    }
  }

  @Test
  void anEndpointThatNeverStopsWritingIsCaught() throws Exception {
    try (DatagramSocket pumped = loopback();
        DatagramSocket sink = loopback()) {
      PumpedEndpoint flood =
          new PumpedEndpoint() {
            @Override
            public void handleRead(byte[] data, int offset, int length, long nowNanos) {}

            @Override
            public byte[] pollWrite() {
              return new byte[1];
            }

            @Override
            public void handleTimeout(long nowNanos) {}

            @Override
            public long pollTimeout() {
              return Time.NEVER;
            }
          };
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () -> UdpPump.run(flood, pumped, address(sink), () -> false, LIMIT, () -> {}));
      assertTrue(e.getMessage().contains("queued more than"), e.getMessage());
    }
  }

  @Test
  void rejectsANonPositiveLimit() throws Exception {
    try (DatagramSocket pumped = loopback()) {
      assertThrows(
          IllegalArgumentException.class,
          () -> UdpPump.run(new Scripted(), pumped, null, () -> true, Duration.ZERO, () -> {}));
    }
  }

  // ---- a scripted endpoint and socket chores ----

  /** Sends what it is told to, answers what it is told to, records reads and timer firings. */
  private static final class Scripted implements PumpedEndpoint {
    final Queue<byte[]> out = new ArrayDeque<>();
    final List<String> received = new ArrayList<>();
    final List<Long> timeouts = new ArrayList<>();
    long timeout = Time.NEVER;
    String question;
    String answer;

    void queue(String s) {
      out.add(s.getBytes(StandardCharsets.UTF_8));
    }

    void reply(String question, String answer) {
      this.question = question;
      this.answer = answer;
    }

    @Override
    public void handleRead(byte[] data, int offset, int length, long nowNanos) {
      String s = new String(data, offset, length, StandardCharsets.UTF_8);
      received.add(s);
      if (s.equals(question)) {
        queue(answer);
      }
    }

    @Override
    public byte[] pollWrite() {
      return out.poll();
    }

    @Override
    public void handleTimeout(long nowNanos) {
      assertFalse(nowNanos < timeout, "called before its deadline");
      timeouts.add(nowNanos);
      timeout = Time.NEVER;
    }

    @Override
    public long pollTimeout() {
      return timeout;
    }

    @Override
    public String toString() {
      return "Scripted" + received;
    }
  }

  private static DatagramSocket loopback() throws IOException {
    return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  private static InetSocketAddress address(DatagramSocket s) {
    return (InetSocketAddress) s.getLocalSocketAddress();
  }

  private static void send(DatagramSocket from, InetSocketAddress to, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    from.send(new DatagramPacket(b, b.length, to));
  }

  private static String receive(DatagramSocket s) throws IOException {
    DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
    s.receive(p);
    return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
  }

  /** One datagram if one arrives within 1 ms, else {@code null}. */
  private static String poll(DatagramSocket s) {
    try {
      s.setSoTimeout(1);
      return receive(s);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code question} with {@code answer} if it arrives within 1 ms. */
  private static void answer(DatagramSocket s, String question, String answer) {
    try {
      s.setSoTimeout(1);
      DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
      s.receive(p);
      if (question.equals(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))) {
        send(s, (InetSocketAddress) p.getSocketAddress(), answer);
      }
    } catch (SocketTimeoutException e) {
      // nothing yet
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
