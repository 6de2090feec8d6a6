package org.rtc4j.dtls;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;

/**
 * Two endpoints in memory on a virtual clock, in the style of quinn's test pair: datagrams cross
 * after a fixed delay, an interceptor may drop, change or repeat them, and {@link #drive} runs
 * until a condition holds.
 */
final class DtlsPair {
  static final Instant EPOCH = Instant.parse("2026-11-21T00:00:00Z");
  static final DtlsCertificate ECDSA = DtlsCertificate.selfSigned(EPOCH, RandomSource.seeded(1));
  static final DtlsCertificate ECDSA_2 = DtlsCertificate.selfSigned(EPOCH, RandomSource.seeded(2));

  private record InFlight(long at, boolean toServer, byte[] data) {}

  final DtlsEndpoint client;
  final DtlsEndpoint server;
  final List<DtlsEvent> clientEvents = new ArrayList<>();
  final List<DtlsEvent> serverEvents = new ArrayList<>();
  final List<byte[]> fromClient = new ArrayList<>();
  final List<byte[]> fromServer = new ArrayList<>();
  private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
  private final long delay;
  long now;

  /** Sees each datagram (true: client to server) and returns what to deliver, or null. */
  Interceptor interceptor = (toServer, data) -> List.of(data);

  interface Interceptor {
    List<byte[]> intercept(boolean toServer, byte[] data);
  }

  DtlsPair(DtlsConfig clientConfig, DtlsConfig serverConfig, long seed, long delayNanos) {
    client = DtlsEndpoint.client(clientConfig, RandomSource.seeded(seed));
    server = DtlsEndpoint.server(serverConfig, RandomSource.seeded(seed + 1));
    this.delay = delayNanos;
  }

  static DtlsPair of(
      UnaryOperator<DtlsConfig.Builder> client, UnaryOperator<DtlsConfig.Builder> server) {
    DtlsPair p =
        new DtlsPair(
            client.apply(DtlsConfig.builder(ECDSA)).build(),
            server.apply(DtlsConfig.builder(ECDSA_2)).build(),
            10,
            Time.millis(5));
    p.exchangeFingerprints();
    return p;
  }

  static DtlsPair ecdsa() {
    return of(b -> b, b -> b);
  }

  void exchangeFingerprints() {
    client.setRemoteFingerprints(List.of(server.config().certificate().fingerprint()), now);
    server.setRemoteFingerprints(List.of(client.config().certificate().fingerprint()), now);
  }

  void start() {
    client.start(now);
  }

  boolean connected() {
    return client.state() == DtlsState.CONNECTED && server.state() == DtlsState.CONNECTED;
  }

  /** Runs until {@code done} or the time limit; returns whether {@code done} came true. */
  boolean drive(java.util.function.BooleanSupplier done, long limitNanos) {
    long end = now + limitNanos;
    for (int steps = 0; steps < 1_000_000; steps++) {
      collect();
      if (done.getAsBoolean()) {
        return true;
      }
      long next = Math.min(client.pollTimeout(), server.pollTimeout());
      if (!inFlight.isEmpty()) {
        next = Math.min(next, inFlight.peek().at);
      }
      if (next == Time.NEVER || next > end) {
        return done.getAsBoolean();
      }
      now = Math.max(now, next);
      while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
        InFlight f = inFlight.poll();
        (f.toServer ? server : client).handleRead(f.data, 0, f.data.length, now);
      }
      if (client.pollTimeout() <= now) {
        client.handleTimeout(now);
      }
      if (server.pollTimeout() <= now) {
        server.handleTimeout(now);
      }
    }
    throw new AssertionError("the pair did not settle within a million steps");
  }

  boolean handshake() {
    start();
    return drive(this::connected, Time.seconds(60));
  }

  private void collect() {
    byte[] d;
    while ((d = client.pollWrite()) != null) {
      fromClient.add(d);
      for (byte[] x : interceptor.intercept(true, d)) {
        inFlight.add(new InFlight(now + delay, true, x));
      }
    }
    while ((d = server.pollWrite()) != null) {
      fromServer.add(d);
      for (byte[] x : interceptor.intercept(false, d)) {
        inFlight.add(new InFlight(now + delay, false, x));
      }
    }
    DtlsEvent e;
    while ((e = client.pollEvent()) != null) {
      clientEvents.add(e);
    }
    while ((e = server.pollEvent()) != null) {
      serverEvents.add(e);
    }
  }

  static List<byte[]> data(List<DtlsEvent> events) {
    List<byte[]> out = new ArrayList<>();
    for (DtlsEvent e : events) {
      if (e instanceof DtlsEvent.ApplicationData d) {
        out.add(d.data());
      }
    }
    return out;
  }
}
