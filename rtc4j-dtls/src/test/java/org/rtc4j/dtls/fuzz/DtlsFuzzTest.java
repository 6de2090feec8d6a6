package org.rtc4j.dtls.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.dtls.DtlsConfig;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsState;
import org.rtc4j.dtls.handshake.HandshakeFragment;
import org.rtc4j.dtls.handshake.HandshakeReassembler;
import org.rtc4j.dtls.record.DtlsRecord;

/**
 * Jazzer fuzz targets for the record layer and the endpoints that read network bytes. Without
 * {@code JAZZER_FUZZ} they run as ordinary tests over the seeds in {@code DtlsFuzzTestInputs/}; to
 * fuzz one for real: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=60s ./mvnw -pl rtc4j-dtls -am test
 * -Dtest='DtlsFuzzTest#server' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DtlsFuzzTest {
  /** Made on first use: the parsers' targets need no certificate. */
  private static final class Keys {
    static final DtlsCertificate CERT =
        DtlsCertificate.selfSigned(Instant.parse("2026-11-21T00:00:00Z"), RandomSource.seeded(1));
    static final DtlsConfig CONFIG = DtlsConfig.builder(CERT).build();
  }

  /** Records back to back: only ParseException, and every record lies inside the datagram. */
  @FuzzTest
  void records(byte[] data) {
    ByteReader reader = new ByteReader(data);
    try {
      while (reader.hasRemaining()) {
        DtlsRecord r = DtlsRecord.parse(reader);
        assertTrue(r.fragmentOffset() + r.fragmentLength() <= data.length);
      }
    } catch (ParseException expected) {
      // Malformed input is reported, nothing else.
    }
  }

  /** A server fed arbitrary datagrams never throws and is never fooled into connecting. */
  @FuzzTest
  void server(FuzzedDataProvider in) {
    DtlsEndpoint server = DtlsEndpoint.server(Keys.CONFIG, RandomSource.seeded(2));
    server.setRemoteFingerprints(List.of(Keys.CERT.fingerprint()), 0);
    feed(server, in);
  }

  /** A client in the middle of its handshake, fed arbitrary datagrams. */
  @FuzzTest
  void client(FuzzedDataProvider in) {
    DtlsEndpoint client = DtlsEndpoint.client(Keys.CONFIG, RandomSource.seeded(3));
    client.setRemoteFingerprints(List.of(Keys.CERT.fingerprint()), 0);
    client.start(0);
    while (client.pollWrite() != null) {
      // The ClientHello goes nowhere.
    }
    feed(client, in);
  }

  /** Reassembly of arbitrary fragments: bounded, and whatever comes out is whole. */
  @FuzzTest
  void reassembly(FuzzedDataProvider in) {
    HandshakeReassembler r = new HandshakeReassembler(4096, 4);
    for (int i = 0; i < 64 && in.remainingBytes() > 0; i++) {
      byte[] fragment = in.consumeBytes(in.consumeInt(0, 300));
      try {
        r.add(HandshakeFragment.parse(new ByteReader(fragment)), in.consumeInt(0, 1));
      } catch (ParseException expected) {
        continue;
      }
      for (HandshakeReassembler.Message m; (m = r.poll()) != null; ) {
        assertTrue(m.body().length <= 4096);
      }
    }
  }

  private static void feed(DtlsEndpoint endpoint, FuzzedDataProvider in) {
    long now = 0;
    for (int i = 0; i < 32 && in.remainingBytes() > 0; i++) {
      byte[] datagram = in.consumeBytes(in.consumeInt(0, 1500));
      now += in.consumeLong(0, Time.seconds(2));
      endpoint.handleRead(datagram, 0, datagram.length, now);
      if (endpoint.pollTimeout() <= now) {
        endpoint.handleTimeout(now);
      }
      while (endpoint.pollWrite() != null) {
        // Answers go nowhere.
      }
      while (endpoint.pollEvent() != null) {
        // Events are not the point here.
      }
    }
    assertNotEquals(DtlsState.CONNECTED, endpoint.state());
  }
}
