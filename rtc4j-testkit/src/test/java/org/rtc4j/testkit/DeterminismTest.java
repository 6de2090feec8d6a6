package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.testkit.Addresses.at;
import static org.rtc4j.testkit.Addresses.ip;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.testkit.TraceEvent.Kind;

class DeterminismTest {
  private static final LinkConfig ROUGH =
      LinkConfig.builder()
          .delayNanos(Time.millis(10))
          .jitterNanos(Time.millis(5))
          .loss(0.1)
          .duplication(0.05)
          .reorder(0.05)
          .build();

  /** Alice sends 500 packets to an echoing bob over rough links both ways. */
  private static VirtualNetwork echoRun(VirtualNetwork.Builder builder) {
    VirtualNetwork net = builder.build();
    RecordingEndpoint alice = new RecordingEndpoint();
    Host a = net.addHost("alice", alice, ip("10.0.0.1"));
    Host b = net.addHost("bob", new EchoEndpoint(), ip("10.0.0.2"));
    net.linkBoth(a, b, ROUGH);
    alice.sendPaced(0, Time.millis(2), 500, 64, at("10.0.0.1", 4000), at("10.0.0.2", 5000));
    net.runFor(Time.seconds(3));
    return net;
  }

  @Test
  void sameSeedGivesTheSameTrace() {
    List<TraceEvent> first = echoRun(VirtualNetwork.builder(99)).trace();
    List<TraceEvent> second = echoRun(VirtualNetwork.builder(99)).trace();
    assertTrue(first.size() > 1500, "trace has " + first.size() + " events");
    assertTrue(first.stream().anyMatch(e -> e.kind() == Kind.DROP_LOSS));
    assertTrue(first.stream().anyMatch(e -> e.kind() == Kind.DUPLICATE));
    assertEquals(first, second);
  }

  @Test
  void differentSeedGivesADifferentTrace() {
    assertNotEquals(
        echoRun(VirtualNetwork.builder(1)).trace(), echoRun(VirtualNetwork.builder(2)).trace());
  }

  @Test
  void traceStopsAtItsLimitButCountersGoOn() {
    VirtualNetwork limited = echoRun(VirtualNetwork.builder(99).traceLimit(10));
    VirtualNetwork full = echoRun(VirtualNetwork.builder(99));
    assertEquals(full.trace().subList(0, 10), limited.trace());
    assertTrue(limited.traceTruncated());
    assertFalse(full.traceTruncated());
    Host a = limited.hosts().get(0);
    Host b = limited.hosts().get(1);
    assertEquals(full.linkStats(full.hosts().get(0), full.hosts().get(1)), limited.linkStats(a, b));

    limited.clearTrace();
    assertTrue(limited.trace().isEmpty());
    assertFalse(limited.traceTruncated());
  }

  @Test
  void tracingOffRecordsNothingAndChangesNothingElse() {
    VirtualNetwork quiet = echoRun(VirtualNetwork.builder(99).tracing(false));
    VirtualNetwork full = echoRun(VirtualNetwork.builder(99));
    assertTrue(quiet.trace().isEmpty());
    assertFalse(quiet.traceTruncated());
    Host qa = quiet.hosts().get(0);
    Host qb = quiet.hosts().get(1);
    Host fa = full.hosts().get(0);
    Host fb = full.hosts().get(1);
    assertEquals(full.linkStats(fa, fb), quiet.linkStats(qa, qb));
    assertEquals(full.linkStats(fb, fa), quiet.linkStats(qb, qa));
    assertTrue(quiet.linkStats(qa, qb).delivered() > 0);
  }
}
