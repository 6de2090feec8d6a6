package org.rtc4j.dtls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.dtls.handshake.Alert;

class DtlsEndpointTest {

  /** RSA key generation is slow: one certificate for the whole class. */
  private static final class Rsa {
    static final DtlsCertificate CERT =
        DtlsCertificate.selfSigned(
            DtlsCertificate.KeyType.RSA_2048,
            "rtc4j-rsa",
            DtlsPair.EPOCH,
            DtlsPair.EPOCH.plusSeconds(86_400),
            RandomSource.seeded(3));
  }

  private static void assertConnected(DtlsPair p) {
    assertTrue(p.connected(), () -> "client " + p.clientEvents + " server " + p.serverEvents);
  }

  @Test
  void handshakesAndCarriesApplicationDataBothWays() {
    DtlsPair p = DtlsPair.ecdsa();
    assertTrue(p.handshake());
    DtlsEvent.Connected c = assertInstanceOf(DtlsEvent.Connected.class, p.clientEvents.get(0));
    DtlsEvent.Connected s = assertInstanceOf(DtlsEvent.Connected.class, p.serverEvents.get(0));
    assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, c.cipherSuite());
    assertEquals(c.cipherSuite(), s.cipherSuite());
    assertEquals(SrtpProfile.AEAD_AES_128_GCM, c.srtpProfile());
    assertEquals(SrtpProfile.AEAD_AES_128_GCM, s.srtpProfile());
    assertEquals(DtlsPair.ECDSA_2.certificate(), c.peerCertificate());
    assertEquals(DtlsPair.ECDSA.certificate(), s.peerCertificate());

    byte[] hello = "hello".getBytes(UTF_8);
    byte[] big = new byte[DtlsEndpoint.MAX_RECORD_PLAINTEXT];
    new Random(1).nextBytes(big);
    p.client.send(hello, 0, hello.length);
    p.server.send(big, 0, big.length);
    p.server.send(new byte[0], 0, 0);
    p.drive(() -> DtlsPair.data(p.clientEvents).size() == 2, Time.seconds(1));
    assertArrayEquals(hello, DtlsPair.data(p.serverEvents).get(0));
    assertArrayEquals(big, DtlsPair.data(p.clientEvents).get(0));
    assertEquals(0, DtlsPair.data(p.clientEvents).get(1).length);
    assertEquals(0, p.client.drops().total(), p.client.drops()::toString);
    assertEquals(0, p.server.drops().total(), p.server.drops()::toString);
  }

  @Test
  void bothSidesExportTheSameKeyingMaterial() {
    DtlsPair p = DtlsPair.ecdsa();
    assertThrows(IllegalStateException.class, () -> p.client.exportKeyingMaterial("x", null, 8));
    assertTrue(p.handshake());
    assertArrayEquals(
        p.client.exportKeyingMaterial("EXPERIMENTAL-test", new byte[] {1, 2}, 40),
        p.server.exportKeyingMaterial("EXPERIMENTAL-test", new byte[] {1, 2}, 40));
    SrtpKeyingMaterial c = p.client.srtpKeyingMaterial();
    SrtpKeyingMaterial s = p.server.srtpKeyingMaterial();
    assertArrayEquals(c.localMasterKey(), s.remoteMasterKey());
    assertArrayEquals(c.localMasterSalt(), s.remoteMasterSalt());
    assertArrayEquals(c.remoteMasterKey(), s.localMasterKey());
    assertArrayEquals(c.remoteMasterSalt(), s.localMasterSalt());
    assertEquals(16, c.localMasterKey().length);
    assertEquals(12, c.localMasterSalt().length);
    assertFalse(java.util.Arrays.equals(c.localMasterKey(), c.remoteMasterKey()));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void negotiatesEachCipherSuite(CipherSuite suite) {
    DtlsCertificate serverCert = suite.ecdsa() ? DtlsPair.ECDSA_2 : Rsa.CERT;
    DtlsPair p =
        new DtlsPair(
            DtlsConfig.builder(DtlsPair.ECDSA).cipherSuites(List.of(suite)).build(),
            DtlsConfig.builder(serverCert).build(),
            20,
            Time.millis(1));
    p.exchangeFingerprints();
    assertTrue(p.handshake(), () -> p.clientEvents + " " + p.serverEvents);
    assertEquals(suite, p.client.cipherSuite());
    assertEquals(suite, p.server.cipherSuite());
    byte[] msg = suite.name().getBytes(UTF_8);
    p.client.send(msg, 0, msg.length);
    p.drive(() -> !DtlsPair.data(p.serverEvents).isEmpty(), Time.seconds(1));
    assertArrayEquals(msg, DtlsPair.data(p.serverEvents).get(0));
  }

  @ParameterizedTest
  @EnumSource(NamedGroup.class)
  void agreesOnEachGroup(NamedGroup group) {
    DtlsPair p = DtlsPair.of(b -> b.namedGroups(List.of(group)), b -> b);
    assertTrue(p.handshake());
    assertArrayEquals(
        p.client.exportKeyingMaterial("EXPERIMENTAL-g", null, 16),
        p.server.exportKeyingMaterial("EXPERIMENTAL-g", null, 16));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void agreesOnEachSrtpProfile(SrtpProfile profile) {
    DtlsPair p = DtlsPair.of(b -> b.srtpProfiles(List.of(profile)), b -> b);
    assertTrue(p.handshake());
    assertEquals(profile, p.client.srtpProfile());
    assertEquals(profile, p.server.srtpProfile());
    SrtpKeyingMaterial m = p.client.srtpKeyingMaterial();
    assertEquals(profile.keyLength(), m.localMasterKey().length);
    assertEquals(profile.saltLength(), m.remoteMasterSalt().length);
  }

  @Test
  void theServersSrtpPreferenceWins() {
    DtlsPair p =
        DtlsPair.of(
            b ->
                b.srtpProfiles(
                    List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80)),
            b ->
                b.srtpProfiles(
                    List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM)));
    assertTrue(p.handshake());
    assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, p.client.srtpProfile());
  }

  @Test
  void noSrtpProfileInCommonStillConnects() {
    DtlsPair p =
        DtlsPair.of(
            b -> b.srtpProfiles(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_32)),
            b -> b.srtpProfiles(List.of(SrtpProfile.AEAD_AES_256_GCM)));
    assertTrue(p.handshake());
    assertNull(p.client.srtpProfile());
    assertNull(p.server.srtpProfile());
    assertThrows(IllegalStateException.class, p.client::srtpKeyingMaterial);
  }

  @Test
  void aCookieRoundTripComesFirstWhenTheServerAsks() {
    DtlsPair p = DtlsPair.of(b -> b, b -> b.helloVerifyRequest(true));
    assertTrue(p.handshake());
    byte[] first = p.fromServer.get(0);
    assertEquals(22, first[0], "a handshake record");
    assertEquals(3, first[13], "HelloVerifyRequest");
    byte[] second = p.fromClient.get(1);
    assertEquals(1, second[13], "the client's second datagram is a ClientHello again");
    assertEquals(1, second[13 + 5], "with message_seq 1");
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 600, 1200})
  void fragmentsToTheMtu(int mtu) {
    DtlsPair p =
        new DtlsPair(
            DtlsConfig.builder(DtlsPair.ECDSA).mtu(mtu).build(),
            DtlsConfig.builder(Rsa.CERT).mtu(mtu).build(),
            30,
            Time.millis(1));
    p.exchangeFingerprints();
    assertTrue(p.handshake());
    for (byte[] d : p.fromClient) {
      assertTrue(d.length <= mtu, "client datagram of " + d.length);
    }
    for (byte[] d : p.fromServer) {
      assertTrue(d.length <= mtu, "server datagram of " + d.length);
    }
    if (mtu == 256) {
      assertTrue(p.fromServer.size() >= 4, "the RSA certificate alone needs several datagrams");
    }
  }

  @Test
  void waitsForTheRemoteFingerprintAndLosesNothing() {
    DtlsPair p =
        new DtlsPair(
            DtlsConfig.builder(DtlsPair.ECDSA).build(),
            DtlsConfig.builder(DtlsPair.ECDSA_2).build(),
            40,
            Time.millis(5));
    p.client.setRemoteFingerprints(List.of(DtlsPair.ECDSA_2.fingerprint()), 0);
    p.start();
    p.drive(() -> false, Time.millis(100));
    assertEquals(DtlsState.CONNECTING, p.server.state(), "the server holds the client's flight");
    int clientDatagrams = p.fromClient.size();
    p.server.setRemoteFingerprints(List.of(DtlsPair.ECDSA.fingerprint()), p.now);
    assertEquals(DtlsState.CONNECTED, p.server.state(), "finished from what it held");
    assertTrue(p.drive(p::connected, Time.seconds(1)));
    assertEquals(clientDatagrams, p.fromClient.size(), "nothing had to be sent again");
  }

  @Test
  void aClientWaitsForTheFingerprintToo() {
    DtlsPair p =
        new DtlsPair(
            DtlsConfig.builder(DtlsPair.ECDSA).build(),
            DtlsConfig.builder(DtlsPair.ECDSA_2).build(),
            41,
            Time.millis(5));
    p.server.setRemoteFingerprints(List.of(DtlsPair.ECDSA.fingerprint()), 0);
    p.start();
    p.drive(() -> false, Time.millis(100));
    assertEquals(DtlsState.CONNECTING, p.client.state());
    p.client.setRemoteFingerprints(List.of(DtlsPair.ECDSA_2.fingerprint()), p.now);
    assertTrue(p.drive(p::connected, Time.seconds(1)));
  }

  @Test
  void aWrongFingerprintFailsTheHandshakeWithAnAlert() {
    DtlsPair p =
        new DtlsPair(
            DtlsConfig.builder(DtlsPair.ECDSA).build(),
            DtlsConfig.builder(DtlsPair.ECDSA_2).build(),
            50,
            Time.millis(5));
    p.client.setRemoteFingerprints(List.of(DtlsPair.ECDSA.fingerprint()), 0);
    p.server.setRemoteFingerprints(List.of(DtlsPair.ECDSA.fingerprint()), 0);
    p.start();
    p.drive(() -> p.server.state() == DtlsState.FAILED, Time.seconds(5));
    assertEquals(DtlsState.FAILED, p.client.state());
    DtlsEvent.Failed sent = assertInstanceOf(DtlsEvent.Failed.class, p.clientEvents.get(0));
    assertEquals(Alert.BAD_CERTIFICATE, sent.alert());
    assertTrue(sent.sent());
    assertTrue(sent.reason().contains("fingerprint"), sent.reason());
    DtlsEvent.Failed received = assertInstanceOf(DtlsEvent.Failed.class, p.serverEvents.get(0));
    assertEquals(Alert.BAD_CERTIFICATE, received.alert());
    assertFalse(received.sent());
  }

  @Test
  void aTamperedRecordIsDroppedAndCounted() {
    DtlsPair p = DtlsPair.ecdsa();
    assertTrue(p.handshake());
    p.interceptor =
        (toServer, d) -> {
          byte[] x = d.clone();
          x[x.length - 1] ^= 1;
          return List.of(x);
        };
    p.client.send(new byte[] {1, 2, 3}, 0, 3);
    p.drive(() -> false, Time.millis(100));
    assertEquals(1, p.server.drops().get(DtlsDrop.BAD_RECORD_MAC));
    assertTrue(DtlsPair.data(p.serverEvents).isEmpty());
    assertEquals(DtlsState.CONNECTED, p.server.state());
  }

  @Test
  void aReplayedRecordIsDropped() {
    DtlsPair p = DtlsPair.ecdsa();
    assertTrue(p.handshake());
    p.interceptor = (toServer, d) -> List.of(d, d, d);
    p.client.send(new byte[] {9}, 0, 1);
    p.drive(() -> false, Time.millis(100));
    assertEquals(1, DtlsPair.data(p.serverEvents).size());
    assertEquals(2, p.server.drops().get(DtlsDrop.REPLAYED));
  }

  @Test
  void garbageNeverThrowsAndIsCounted() {
    Random random = new Random(5);
    DtlsPair p = DtlsPair.ecdsa();
    List<DtlsEndpoint> all = List.of(p.client, p.server);
    for (int phase = 0; phase < 2; phase++) {
      for (int i = 0; i < 2_000; i++) {
        byte[] junk = new byte[random.nextInt(300)];
        random.nextBytes(junk);
        if (junk.length > 3 && random.nextBoolean()) {
          // Make it look like a record header, to get past the first checks.
          junk[0] = (byte) (20 + random.nextInt(4));
          junk[1] = (byte) 0xfe;
          junk[2] = (byte) 0xfd;
        }
        all.get(i & 1).handleRead(junk, 0, junk.length, p.now);
      }
      if (phase == 0) {
        assertTrue(p.handshake(), "garbage before the handshake does not poison it");
      }
    }
    assertTrue(p.client.drops().total() > 0);
    assertTrue(p.server.drops().total() > 0);
    assertTrue(p.connected() || p.client.state() == DtlsState.FAILED);
  }

  @Test
  void closeNotifyClosesBothSides() {
    DtlsPair p = DtlsPair.ecdsa();
    assertTrue(p.handshake());
    p.client.close(p.now);
    assertEquals(DtlsState.CLOSED, p.client.state());
    p.drive(() -> p.server.state() == DtlsState.CLOSED, Time.seconds(1));
    assertInstanceOf(DtlsEvent.Closed.class, p.serverEvents.get(p.serverEvents.size() - 1));
    assertThrows(IllegalStateException.class, () -> p.client.send(new byte[1], 0, 1));
    p.client.close(p.now);
  }

  @Test
  void misuseGetsClearExceptions() {
    DtlsPair p = DtlsPair.ecdsa();
    IllegalStateException early =
        assertThrows(IllegalStateException.class, () -> p.client.send(new byte[1], 0, 1));
    assertTrue(early.getMessage().contains("NEW"), early.getMessage());
    assertTrue(p.handshake());
    assertThrows(
        IllegalArgumentException.class,
        () -> p.client.send(new byte[DtlsEndpoint.MAX_RECORD_PLAINTEXT + 1], 0, 16385));
    assertThrows(IllegalStateException.class, () -> p.client.start(p.now));
    p.server.start(p.now);
    assertEquals(DtlsState.CONNECTED, p.server.state(), "a late start of a server does nothing");
  }

  @Test
  void retransmitsWithDoublingTimeoutThenGivesUp() {
    DtlsPair p = DtlsPair.of(b -> b.handshakeTimeoutNanos(Time.seconds(20)), b -> b);
    List<Long> sent = new ArrayList<>();
    p.interceptor =
        (toServer, d) -> {
          sent.add(p.now);
          return List.of();
        };
    p.start();
    p.drive(() -> p.client.state() == DtlsState.FAILED, Time.seconds(30));
    assertEquals(
        List.of(0L, Time.seconds(1), Time.seconds(3), Time.seconds(7), Time.seconds(15)), sent);
    DtlsEvent.Failed f = assertInstanceOf(DtlsEvent.Failed.class, p.clientEvents.get(0));
    assertEquals(-1, f.alert());
    assertEquals(Time.seconds(20), p.now);
  }

  @Test
  void survivesHeavyLossDuplicationAndReordering() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      DtlsPair p =
          new DtlsPair(
              DtlsConfig.builder(DtlsPair.ECDSA)
                  .mtu(600)
                  .handshakeTimeoutNanos(Time.seconds(120))
                  .build(),
              DtlsConfig.builder(DtlsPair.ECDSA_2)
                  .mtu(600)
                  .handshakeTimeoutNanos(Time.seconds(120))
                  .build(),
              seed * 100,
              Time.millis(20));
      p.exchangeFingerprints();
      p.interceptor =
          (toServer, d) -> {
            if (random.nextDouble() < 0.3) {
              return List.of();
            }
            return random.nextDouble() < 0.2 ? List.of(d, d) : List.of(d);
          };
      p.start();
      long s = seed;
      assertTrue(
          p.drive(p::connected, Time.seconds(120)),
          () -> "seed " + s + ": " + p.clientEvents + " " + p.serverEvents);
    }
  }

  @Test
  void applicationDataThatOvertakesTheFinishedIsHeld() {
    DtlsPair p = DtlsPair.ecdsa();
    List<byte[]> heldBack = new ArrayList<>();
    p.interceptor =
        (toServer, d) -> {
          if (!toServer && p.server.state() == DtlsState.CONNECTED) {
            heldBack.add(d);
            return List.of();
          }
          return List.of(d);
        };
    p.start();
    p.drive(() -> p.server.state() == DtlsState.CONNECTED, Time.seconds(5));
    p.server.send(new byte[] {42}, 0, 1);
    p.drive(() -> false, Time.millis(50));
    assertEquals(2, heldBack.size(), "the server's last flight, then its data");
    byte[] data = heldBack.get(1);
    byte[] finished = heldBack.get(0);
    p.client.handleRead(data, 0, data.length, p.now);
    assertEquals(DtlsState.CONNECTING, p.client.state());
    p.client.handleRead(finished, 0, finished.length, p.now);
    assertEquals(DtlsState.CONNECTED, p.client.state());
    assertInstanceOf(DtlsEvent.Connected.class, p.client.pollEvent());
    DtlsEvent.ApplicationData d =
        assertInstanceOf(DtlsEvent.ApplicationData.class, p.client.pollEvent());
    assertArrayEquals(new byte[] {42}, d.data());
  }

  @Test
  void writesTheKeyLogInNssFormat() {
    List<String> clientLog = new ArrayList<>();
    List<String> serverLog = new ArrayList<>();
    DtlsPair p = DtlsPair.of(b -> b.keyLog(clientLog::add), b -> b.keyLog(serverLog::add));
    assertTrue(p.handshake());
    assertEquals(1, clientLog.size());
    assertTrue(
        clientLog.get(0).matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}"), clientLog.get(0));
    assertEquals(clientLog, serverLog);
  }
}
