package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.testkit.Addresses.at;
import static org.rtc4j.testkit.Addresses.ip;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.Time;

class DriverTest {
  private static final InetSocketAddress A = at("10.0.0.1", 4000);
  private static final InetSocketAddress B = at("10.0.0.2", 5000);

  /** An endpoint with a periodic timer that records when it fired. */
  private static final class Ticker implements DatagramEndpoint {
    final long period;
    long next;
    final List<Long> fired = new ArrayList<>();

    Ticker(long period) {
      this.period = period;
      this.next = period;
    }

    @Override
    public void handleRead(Datagram datagram, long nowNanos) {}

    @Override
    public Datagram pollWrite() {
      return null;
    }

    @Override
    public void handleTimeout(long nowNanos) {
      if (nowNanos >= next) {
        fired.add(nowNanos);
        next += period;
      }
    }

    @Override
    public long pollTimeout() {
      return next;
    }
  }

  /** An endpoint whose deadline never moves, however often its timeout is handled. */
  private static final class Spinner implements DatagramEndpoint {
    int handled;

    @Override
    public void handleRead(Datagram datagram, long nowNanos) {}

    @Override
    public Datagram pollWrite() {
      return null;
    }

    @Override
    public void handleTimeout(long nowNanos) {
      handled++;
    }

    @Override
    public long pollTimeout() {
      return Time.millis(5);
    }
  }

  @Test
  void runUntilGivesUpAtTheLimitWithTheClockThere() {
    VirtualNetwork net = VirtualNetwork.seeded(1);
    Ticker ticker = new Ticker(Time.seconds(5));
    net.addHost("ticker", ticker, ip("10.0.0.1"));

    assertFalse(net.runUntil(() -> false, Time.seconds(1)));
    assertEquals(Time.seconds(1), net.now());
    assertFalse(net.runUntil(() -> false, Time.millis(250)));
    assertEquals(Time.millis(1250), net.now());
    assertTrue(ticker.fired.isEmpty());
  }

  @Test
  void aQuietNetworkStillAdvancesToTheLimit() {
    VirtualNetwork net = VirtualNetwork.seeded(1);
    net.runFor(Time.seconds(3));
    assertEquals(Time.seconds(3), net.now());
  }

  @Test
  void timersFireAtTheirDeadlinesIncludingOneAtTheLimit() {
    VirtualNetwork net = VirtualNetwork.seeded(1);
    Ticker ticker = new Ticker(Time.millis(100));
    net.addHost("ticker", ticker, ip("10.0.0.1"));
    net.runFor(Time.seconds(1));
    List<Long> expected = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      expected.add(Time.millis(100L * i));
    }
    assertEquals(expected, ticker.fired);
    assertEquals(Time.seconds(1), net.now());
  }

  @Test
  void runUntilStopsAsSoonAsTheConditionHolds() {
    VirtualNetwork net =
        VirtualNetwork.builder(1)
            .defaultLink(LinkConfig.builder().delayNanos(Time.millis(10)).build())
            .build();
    RecordingEndpoint alice = new RecordingEndpoint();
    RecordingEndpoint bob = new RecordingEndpoint();
    net.addHost("alice", alice, ip("10.0.0.1"));
    net.addHost("bob", bob, ip("10.0.0.2"));
    alice.sendPaced(0, Time.millis(1), 5, 10, A, B);

    assertTrue(net.runUntil(() -> bob.received.size() == 2, Time.seconds(1)));
    assertEquals(Time.millis(11), net.now());
    assertTrue(net.runUntil(() -> bob.received.size() == 2, Time.seconds(1)));
    assertEquals(Time.millis(11), net.now()); // already true: no time passes
    assertEquals(3, net.packetsInFlight());
  }

  @Test
  void negativeDurationIsRejected() {
    VirtualNetwork net = VirtualNetwork.seeded(1);
    assertThrows(IllegalArgumentException.class, () -> net.runUntil(() -> false, -1));
  }

  @Test
  void aSpinningEndpointIsReportedByName() {
    VirtualNetwork net = VirtualNetwork.seeded(1);
    net.addHost("fine", new Ticker(Time.millis(1)), ip("10.0.0.1"));
    Spinner spinner = new Spinner();
    net.addHost("stuck", spinner, ip("10.0.0.2"));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> net.runFor(Time.seconds(1)));
    assertTrue(e.getMessage().contains("stuck"), e.getMessage());
    assertTrue(e.getMessage().contains("spinning"), e.getMessage());
    assertEquals(Time.millis(5), net.now());
    assertEquals(VirtualNetwork.DEFAULT_SPIN_LIMIT, spinner.handled);
  }

  @Test
  void endpointsAnsweringEachOtherForeverHitTheStepCap() {
    VirtualNetwork net = VirtualNetwork.builder(1).maxSteps(10_000).build();
    EchoEndpoint left = new EchoEndpoint();
    EchoEndpoint right = new EchoEndpoint();
    net.addHost("left", left, ip("10.0.0.1"));
    net.addHost("right", right, ip("10.0.0.2"));
    left.handleRead(Datagram.udp(new byte[] {1}, A, B), 0); // makes left send to B

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> net.runFor(Time.seconds(1)));
    assertTrue(e.getMessage().contains("10000 steps"), e.getMessage());
    assertEquals(0, net.now());
  }

  @Test
  void anEndpointThatNeverStopsWritingIsReported() {
    VirtualNetwork net = VirtualNetwork.builder(1).maxWritesPerDrain(1000).build();
    DatagramEndpoint flood =
        new DatagramEndpoint() {
          @Override
          public void handleRead(Datagram datagram, long nowNanos) {}

          @Override
          public Datagram pollWrite() {
            return Datagram.udp(new byte[1], A, B);
          }

          @Override
          public void handleTimeout(long nowNanos) {}

          @Override
          public long pollTimeout() {
            return Time.NEVER;
          }
        };
    net.addHost("flood", flood, ip("10.0.0.1"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> net.runFor(Time.seconds(1)));
    assertTrue(e.getMessage().contains("flood"), e.getMessage());
  }

  @Test
  void cuttingALinkMidRunStopsDeliveriesFromThenOn() {
    VirtualNetwork net = VirtualNetwork.seeded(1);
    RecordingEndpoint alice = new RecordingEndpoint();
    RecordingEndpoint bob = new RecordingEndpoint();
    Host a = net.addHost("alice", alice, ip("10.0.0.1"));
    Host b = net.addHost("bob", bob, ip("10.0.0.2"));
    net.linkBoth(a, b, LinkConfig.builder().delayNanos(Time.millis(20)).build());
    alice.sendPaced(0, Time.millis(10), 100, 10, A, B); // packet i leaves at i * 10 ms

    net.runFor(Time.millis(500));
    net.link(a, b, LinkConfig.down());
    net.runFor(Time.seconds(1));

    // Packets 0..50 left before the cut; what was on the wire still arrived.
    assertEquals(51, bob.received.size());
    assertEquals(50, bob.received.get(50).number());
    assertEquals(Time.millis(520), bob.received.get(50).timeNanos());
    assertEquals(49, net.linkStats(a, b).lost());
    assertEquals(49, net.dropCount(DropReason.LOSS));

    // Mending the link lets traffic through again.
    net.resetLink(a, b);
    alice.send(Datagram.udp(RecordingEndpoint.numbered(1000, 10), A, B));
    net.runFor(Time.millis(1));
    assertEquals(52, bob.received.size());
  }
}
