package org.rtc4j.dtls.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.CertificateFingerprint;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.dtls.DtlsConfig;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsEvent;
import org.rtc4j.dtls.DtlsState;
import org.rtc4j.dtls.SrtpKeyingMaterial;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.dtls.handshake.Alert;
import org.rtc4j.testkit.OpenSslDtls;

/**
 * rtc4j's {@link DtlsEndpoint} against two independent DTLS 1.2 implementations on loopback UDP:
 * OpenSSL 3 ({@code s_server} / {@code s_client}) and Bouncy Castle, in both roles, with every SRTP
 * profile, ECDSA and RSA certificates on either side, and every cipher suite. The exported SRTP
 * keying material must be byte-equal: OpenSSL prints its own with {@code -keymatexport}.
 */
@Timeout(20)
class Rtc4jInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(8);
  private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
  private static final String LABEL = SrtpKeyingMaterial.EXPORTER_LABEL;

  private static DtlsCertificate ourEcdsa;
  private static DtlsCertificate ourRsa;
  private static PeerCredentials theirEcdsa;
  private static PeerCredentials theirRsa;

  @BeforeAll
  static void credentials() {
    ourEcdsa = DtlsCertificate.selfSigned(NOW, RandomSource.seeded(7));
    ourRsa =
        DtlsCertificate.selfSigned(
            DtlsCertificate.KeyType.RSA_2048,
            "rtc4j-rsa",
            NOW.minusSeconds(86_400),
            NOW.plusSeconds(30 * 86_400),
            RandomSource.seeded(8));
    theirEcdsa = PeerCredentials.ecdsa();
    theirRsa = PeerCredentials.rsa();
  }

  // ---- OpenSSL as server, rtc4j as client -----------------------------------------------

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtc4jClientOpenSslServerEachSrtpProfile(SrtpProfile profile) throws Exception {
    try (OpenSslDtls openssl = openSslServer(theirEcdsa, profile).start();
        DatagramSocket socket = loopbackSocket()) {
      DtlsEndpointPump ours = client(config(ourEcdsa), theirEcdsa);
      handshake(ours, socket, openssl.address(), openssl);
      assertKeyingMaterialMatches(ours, openssl, profile);
      assertArrayEquals(theirEcdsa.certificateDer(), ours.dtls.peerCertificate().getEncoded());
      assertTrue(openssl.output().contains("Client certificate"), openssl.output());
      exchangeLines(ours, socket, openssl.address(), openssl);
    }
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void rtc4jClientOpenSslServerEachCipherSuite(CipherSuite suite) throws Exception {
    PeerCredentials theirs = suite.ecdsa() ? theirEcdsa : theirRsa;
    SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    try (OpenSslDtls openssl =
            openSslServer(theirs, profile).cipher(OpenSslNames.cipher(suite)).start();
        DatagramSocket socket = loopbackSocket()) {
      DtlsEndpointPump ours = client(config(ourEcdsa), theirs);
      handshake(ours, socket, openssl.address(), openssl);
      assertEquals(suite, ours.dtls.cipherSuite());
      assertEquals(OpenSslNames.cipher(suite), openssl.cipher());
      assertKeyingMaterialMatches(ours, openssl, profile);
      exchangeLines(ours, socket, openssl.address(), openssl);
    }
  }

  @Test
  void rtc4jClientWithAnRsaCertificate() throws Exception {
    SrtpProfile profile = SrtpProfile.AEAD_AES_256_GCM;
    try (OpenSslDtls openssl = openSslServer(theirEcdsa, profile).start();
        DatagramSocket socket = loopbackSocket()) {
      DtlsEndpointPump ours = client(config(ourRsa), theirEcdsa);
      handshake(ours, socket, openssl.address(), openssl);
      assertKeyingMaterialMatches(ours, openssl, profile);
    }
  }

  @Test
  void aWrongFingerprintFailsWithBadCertificate() throws Exception {
    try (OpenSslDtls openssl = openSslServer(theirEcdsa, SrtpProfile.AEAD_AES_128_GCM).start();
        DatagramSocket socket = loopbackSocket()) {
      DtlsEndpointPump ours = client(config(ourEcdsa), theirRsa);
      UdpPump.run(
          ours,
          socket,
          openssl.address(),
          () -> ours.dtls.state() == DtlsState.FAILED && openssl.output().contains("alert"),
          WAIT,
          openssl::pollOutput,
          () -> ours + "\n" + openssl.output());
      DtlsEvent.Failed f = assertInstanceOf(DtlsEvent.Failed.class, ours.events.get(0));
      assertEquals(Alert.BAD_CERTIFICATE, f.alert());
      assertTrue(openssl.output().contains("bad certificate"), openssl.output());
    }
  }

  // ---- OpenSSL as client, rtc4j as server -----------------------------------------------

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtc4jServerOpenSslClientEachSrtpProfile(SrtpProfile profile) throws Exception {
    try (DatagramSocket socket = loopbackSocket();
        OpenSslDtls openssl =
            openSslClient(address(socket), theirEcdsa, profile)
                .exportKeyingMaterial(LABEL, OpenSslNames.keyingMaterialLength(profile))
                .start()) {
      DtlsEndpointPump ours = server(config(ourEcdsa), theirEcdsa);
      InetSocketAddress peer = handshake(ours, socket, null, openssl);
      assertKeyingMaterialMatches(ours, openssl, profile);
      assertEquals(Optional.of(true), openssl.extendedMasterSecret());
      assertEquals(Optional.of(true), openssl.secureRenegotiation());
      assertArrayEquals(theirEcdsa.certificateDer(), ours.dtls.peerCertificate().getEncoded());
      exchangeLines(ours, socket, peer, openssl);
    }
  }

  @Test
  void rtc4jServerWithRsaCertificateAndAnRsaClient() throws Exception {
    SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_32;
    try (DatagramSocket socket = loopbackSocket();
        OpenSslDtls openssl =
            openSslClient(address(socket), theirRsa, profile)
                .exportKeyingMaterial(LABEL, OpenSslNames.keyingMaterialLength(profile))
                .start()) {
      DtlsEndpointPump ours = server(config(ourRsa), theirRsa);
      handshake(ours, socket, null, openssl);
      assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ours.dtls.cipherSuite());
      assertKeyingMaterialMatches(ours, openssl, profile);
    }
  }

  @Test
  void rtc4jServerWithCookiesAndChaCha() throws Exception {
    SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM;
    CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
    try (DatagramSocket socket = loopbackSocket();
        OpenSslDtls openssl =
            openSslClient(address(socket), theirEcdsa, profile)
                .cipher(OpenSslNames.cipher(suite))
                .exportKeyingMaterial(LABEL, OpenSslNames.keyingMaterialLength(profile))
                .start()) {
      DtlsEndpointPump ours =
          server(
              DtlsConfig.builder(ourEcdsa).helloVerifyRequest(true).mtu(576).build(), theirEcdsa);
      handshake(ours, socket, null, openssl);
      assertEquals(suite, ours.dtls.cipherSuite());
      assertKeyingMaterialMatches(ours, openssl, profile);
    }
  }

  @Test
  void renegotiationIsRefusedWithAWarning() throws Exception {
    SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM;
    try (DatagramSocket socket = loopbackSocket();
        OpenSslDtls openssl =
            openSslClient(address(socket), theirEcdsa, profile)
                .exportKeyingMaterial(LABEL, OpenSslNames.keyingMaterialLength(profile))
                .start()) {
      DtlsEndpointPump ours = server(config(ourEcdsa), theirEcdsa);
      InetSocketAddress peer = handshake(ours, socket, null, openssl);
      // s_client reads a line "R" as "renegotiate": it sends a ClientHello in epoch 1.
      openssl.sendLine("R");
      UdpPump.run(
          ours,
          socket,
          peer,
          () -> openssl.output().contains("no renegotiation"),
          WAIT,
          openssl::pollOutput,
          () -> ours + "\n" + openssl.output());
      assertTrue(ours.dtls.drops().get(org.rtc4j.dtls.DtlsDrop.UNEXPECTED_MESSAGE) >= 1);
      assertEquals(1, ours.events.stream().filter(e -> e instanceof DtlsEvent.Connected).count());
    }
  }

  // ---- Bouncy Castle ----------------------------------------------------------------------

  @Test
  void rtc4jClientBouncyCastleServer() throws Exception {
    try (BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.server()
                .credentials(theirEcdsa)
                .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM)
                .startOnUdp();
        DatagramSocket socket = loopbackSocket()) {
      DtlsEndpointPump ours = client(config(ourEcdsa), theirEcdsa);
      UdpPump.run(
          ours,
          socket,
          bc.localAddress(),
          () -> ours.dtls.state() != DtlsState.CONNECTING && bc.isHandshakeDone(),
          WAIT,
          () -> {},
          () -> ours + " bc " + bc.events());
      assertEquals(DtlsState.CONNECTED, ours.dtls.state(), ours::toString);
      assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, ours.dtls.srtpProfile());
      assertEquals(bc.cipherSuite(), ours.dtls.cipherSuite());
      assertArrayEquals(bc.keyingMaterial(), material(ours, bc.srtpProfile()));
      assertArrayEquals(ourEcdsa.encodedChain().get(0), bc.peerCertificate());
      bcExchange(ours, socket, bc);
    }
  }

  @Test
  void rtc4jServerBouncyCastleClient() throws Exception {
    try (DatagramSocket socket = loopbackSocket();
        BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.client()
                .credentials(theirRsa)
                .srtpProfiles(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AEAD_AES_128_GCM)
                .startOnUdp(address(socket))) {
      DtlsEndpointPump ours = server(config(ourEcdsa), theirRsa);
      UdpPump.run(
          ours,
          socket,
          null,
          () -> ours.dtls.state() != DtlsState.CONNECTING && bc.isHandshakeDone(),
          WAIT,
          () -> {},
          () -> ours + " bc " + bc.events());
      assertEquals(DtlsState.CONNECTED, ours.dtls.state(), ours::toString);
      assertEquals(SrtpProfile.AEAD_AES_128_GCM, ours.dtls.srtpProfile(), "our preference wins");
      assertArrayEquals(bc.keyingMaterial(), material(ours, bc.srtpProfile()));
      assertTrue(bc.extendedMasterSecret());
      assertTrue(bc.secureRenegotiation());
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static DtlsConfig config(DtlsCertificate certificate) {
    return DtlsConfig.builder(certificate).build();
  }

  private static DtlsEndpointPump client(DtlsConfig config, PeerCredentials peer) {
    DtlsEndpoint e = DtlsEndpoint.client(config, RandomSource.secure());
    e.setRemoteFingerprints(List.of(fingerprint(peer)), System.nanoTime());
    e.start(System.nanoTime());
    return new DtlsEndpointPump(e);
  }

  private static DtlsEndpointPump server(DtlsConfig config, PeerCredentials peer) {
    DtlsEndpoint e = DtlsEndpoint.server(config, RandomSource.secure());
    e.setRemoteFingerprints(List.of(fingerprint(peer)), System.nanoTime());
    return new DtlsEndpointPump(e);
  }

  private static CertificateFingerprint fingerprint(PeerCredentials peer) {
    return CertificateFingerprint.of("sha-256", peer.certificateDer());
  }

  private static InetSocketAddress handshake(
      DtlsEndpointPump ours, DatagramSocket socket, InetSocketAddress peer, OpenSslDtls openssl) {
    InetSocketAddress learned =
        UdpPump.run(
            ours,
            socket,
            peer,
            () ->
                ours.dtls.state() != DtlsState.CONNECTING
                    && ours.dtls.state() != DtlsState.NEW
                    && openssl.output().contains("Keying material: "),
            WAIT,
            openssl::pollOutput,
            () -> ours + "\n" + openssl.output());
    assertEquals(DtlsState.CONNECTED, ours.dtls.state(), () -> ours + "\n" + openssl.output());
    return learned;
  }

  private static byte[] material(DtlsEndpointPump ours, SrtpProfile profile) {
    return ours.dtls.exportKeyingMaterial(LABEL, null, OpenSslNames.keyingMaterialLength(profile));
  }

  private static void assertKeyingMaterialMatches(
      DtlsEndpointPump ours, OpenSslDtls openssl, SrtpProfile profile) {
    assertEquals(profile, ours.dtls.srtpProfile());
    assertEquals(OpenSslNames.srtpProfile(profile), openssl.srtpProfile());
    assertArrayEquals(openssl.keyingMaterial(), material(ours, profile), openssl.output());
    // And the split RFC 5764 §4.2 describes: client key, server key, client salt, server salt.
    SrtpKeyingMaterial split = ours.dtls.srtpKeyingMaterial();
    byte[] all = openssl.keyingMaterial();
    int k = profile.keyLength();
    int clientKeyAt = ours.dtls.isClient() ? 0 : k;
    assertArrayEquals(
        java.util.Arrays.copyOfRange(all, clientKeyAt, clientKeyAt + k), split.localMasterKey());
  }

  private static void exchangeLines(
      DtlsEndpointPump ours, DatagramSocket socket, InetSocketAddress peer, OpenSslDtls openssl) {
    byte[] hello = "hello from rtc4j\n".getBytes(StandardCharsets.UTF_8);
    ours.dtls.send(hello, 0, hello.length);
    UdpPump.run(
        ours,
        socket,
        peer,
        () -> openssl.output().contains("hello from rtc4j"),
        WAIT,
        openssl::pollOutput,
        openssl::output);
    openssl.sendLine("hello from openssl");
    UdpPump.run(
        ours,
        socket,
        peer,
        () -> ours.received().contains("hello from openssl"),
        WAIT,
        openssl::pollOutput,
        () -> ours + "\n" + openssl.output());
  }

  private static void bcExchange(
      DtlsEndpointPump ours, DatagramSocket socket, BouncyCastleDtlsPeer bc) {
    byte[] hello = "hello bc".getBytes(StandardCharsets.UTF_8);
    ours.dtls.send(hello, 0, hello.length);
    byte[][] got = new byte[1][];
    UdpPump.run(
        ours,
        socket,
        bc.localAddress(),
        () -> (got[0] = got[0] != null ? got[0] : bc.pollReceived()) != null,
        WAIT,
        () -> {},
        () -> ours + " bc " + bc.events());
    assertArrayEquals(hello, got[0]);
    bc.send("hello rtc4j".getBytes(StandardCharsets.UTF_8));
    UdpPump.run(
        ours,
        socket,
        bc.localAddress(),
        () -> ours.received().equals("hello rtc4j"),
        WAIT,
        () -> {},
        ours::toString);
  }

  private static OpenSslDtls.Builder openSslServer(PeerCredentials keys, SrtpProfile profile) {
    return OpenSslDtls.server()
        .certificate(keys.certificatePem(), keys.privateKeyPem())
        .verify(1)
        .srtpProfiles(OpenSslNames.srtpProfile(profile))
        .exportKeyingMaterial(LABEL, OpenSslNames.keyingMaterialLength(profile));
  }

  private static OpenSslDtls.Builder openSslClient(
      InetSocketAddress server, PeerCredentials keys, SrtpProfile profile) {
    return OpenSslDtls.client(server)
        .certificate(keys.certificatePem(), keys.privateKeyPem())
        .srtpProfiles(OpenSslNames.srtpProfile(profile));
  }

  private static DatagramSocket loopbackSocket() throws Exception {
    return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  private static InetSocketAddress address(DatagramSocket socket) {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }
}
