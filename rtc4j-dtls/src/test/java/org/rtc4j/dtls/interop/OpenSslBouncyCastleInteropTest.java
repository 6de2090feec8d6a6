package org.rtc4j.dtls.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.testkit.OpenSslDtls;

/**
 * Proves the real-peer harness: OpenSSL 3 ({@link OpenSslDtls}) against Bouncy Castle ({@link
 * BouncyCastleDtlsPeer}), two independent DTLS 1.2 implementations, in both roles, over loopback
 * UDP, directly and through a {@link UdpPump}. Both sides must export the same SRTP keying material
 * and agree on the profile, and application data must cross both ways.
 */
@Timeout(10)
class OpenSslBouncyCastleInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String LABEL = BouncyCastleDtlsPeer.DTLS_SRTP_EXPORTER_LABEL;

  private static PeerCredentials serverKeys;
  private static PeerCredentials clientKeys;

  @BeforeAll
  static void credentials() {
    serverKeys = PeerCredentials.ecdsa();
    clientKeys = PeerCredentials.ecdsa();
  }

  @ParameterizedTest
  @EnumSource(
      value = SrtpProfile.class,
      names = {"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
  void openSslServerBouncyCastleClient(SrtpProfile profile) throws Exception {
    try (OpenSslDtls openssl = openSslServer(serverKeys, profile).start();
        BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.client()
                .credentials(clientKeys)
                .srtpProfiles(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80)
                .startOnUdp(openssl.address())) {
      bc.awaitHandshake(WAIT);
      openssl.awaitOutput("Keying material: ", WAIT);
      assertAgree(openssl, bc, profile);
      assertArrayEquals(serverKeys.certificateDer(), bc.peerCertificate());
      assertTrue(openssl.output().contains("Client certificate"), openssl.output());
      assertExchangeLines(openssl, bc);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = SrtpProfile.class,
      names = {"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
  void bouncyCastleServerOpenSslClient(SrtpProfile profile) throws Exception {
    try (BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.server()
                .credentials(serverKeys)
                .srtpProfiles(profile)
                .startOnUdp();
        OpenSslDtls openssl =
            openSslClient(
                    bc.localAddress(),
                    clientKeys,
                    SrtpProfile.AEAD_AES_128_GCM,
                    SrtpProfile.AES128_CM_HMAC_SHA1_80)
                .exportKeyingMaterial(LABEL, OpenSslNames.keyingMaterialLength(profile))
                .start()) {
      bc.awaitHandshake(WAIT);
      openssl.awaitOutput("Keying material: ", WAIT);
      assertAgree(openssl, bc, profile);
      assertArrayEquals(clientKeys.certificateDer(), bc.peerCertificate());
      assertEquals(Optional.of(true), openssl.extendedMasterSecret());
      assertExchangeLines(openssl, bc);
    }
  }

  @Test
  void rsaCertificatesAndAes256() throws Exception {
    PeerCredentials rsaServer = PeerCredentials.rsa();
    PeerCredentials rsaClient = PeerCredentials.rsa();
    CipherSuite suite = CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
    try (OpenSslDtls openssl =
            openSslServer(rsaServer, SrtpProfile.AES128_CM_HMAC_SHA1_80)
                .cipher(OpenSslNames.cipher(suite))
                .start();
        BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.client()
                .credentials(rsaClient)
                .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80)
                .startOnUdp(openssl.address())) {
      bc.awaitHandshake(WAIT);
      openssl.awaitOutput("Keying material: ", WAIT);
      assertAgree(openssl, bc, SrtpProfile.AES128_CM_HMAC_SHA1_80);
      assertEquals(suite, bc.cipherSuite());
      assertEquals(OpenSslNames.cipher(suite), openssl.cipher());
      assertArrayEquals(rsaServer.certificateDer(), bc.peerCertificate());
    }
  }

  @Test
  void chacha20OnP256() throws Exception {
    CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;
    try (BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.server()
                .credentials(serverKeys)
                .srtpProfiles(SrtpProfile.AEAD_AES_128_GCM)
                .startOnUdp();
        OpenSslDtls openssl =
            openSslClient(bc.localAddress(), clientKeys, SrtpProfile.AEAD_AES_128_GCM)
                .cipher(OpenSslNames.cipher(suite))
                .groups("P-256")
                .exportKeyingMaterial(LABEL, 56)
                .start()) {
      bc.awaitHandshake(WAIT);
      openssl.awaitOutput("Keying material: ", WAIT);
      assertAgree(openssl, bc, SrtpProfile.AEAD_AES_128_GCM);
      assertEquals(suite, bc.cipherSuite());
      assertEquals(OpenSslNames.cipher(suite), openssl.cipher());
      assertTrue(openssl.output().contains("Server Temp Key: ECDH, prime256v1"), openssl.output());
    }
  }

  /** The harness the lead's endpoint will use: a pumped endpoint as client of OpenSSL. */
  @Test
  void pumpedBouncyCastleClientAgainstOpenSslServer() throws Exception {
    SrtpProfile profile = SrtpProfile.AEAD_AES_128_GCM;
    try (OpenSslDtls openssl = openSslServer(serverKeys, profile).start();
        BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.client()
                .credentials(clientKeys)
                .srtpProfiles(profile)
                .startPumped();
        DatagramSocket socket = loopbackSocket()) {
      PumpedEndpoint ep = bc.endpoint();
      InetSocketAddress peer =
          UdpPump.run(
              ep,
              socket,
              openssl.address(),
              () -> bc.isHandshakeDone() && openssl.output().contains("Keying material: "),
              WAIT,
              openssl::pollOutput,
              openssl::output);
      assertEquals(openssl.address(), peer);
      assertAgree(openssl, bc, profile);

      bc.send("ping from the pump\n".getBytes(StandardCharsets.UTF_8));
      UdpPump.run(
          ep,
          socket,
          peer,
          () -> openssl.output().contains("ping from the pump"),
          WAIT,
          openssl::pollOutput,
          openssl::output);
      openssl.sendLine("pong from openssl");
      AtomicReference<byte[]> got = new AtomicReference<>();
      UdpPump.run(
          ep,
          socket,
          peer,
          () -> {
            if (got.get() == null) {
              got.set(bc.pollReceived());
            }
            return got.get() != null;
          },
          WAIT,
          openssl::pollOutput,
          openssl::output);
      assertEquals("pong from openssl\n", new String(got.get(), StandardCharsets.UTF_8));
    }
  }

  /** A pumped endpoint as server: the pump learns OpenSSL's address from its ClientHello. */
  @Test
  void pumpedBouncyCastleServerAgainstOpenSslClient() throws Exception {
    SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    try (BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.server()
                .credentials(serverKeys)
                .srtpProfiles(profile)
                .startPumped();
        DatagramSocket socket = loopbackSocket();
        OpenSslDtls openssl =
            openSslClient((InetSocketAddress) socket.getLocalSocketAddress(), clientKeys, profile)
                .exportKeyingMaterial(LABEL, 60)
                .start()) {
      InetSocketAddress peer =
          UdpPump.run(
              bc.endpoint(),
              socket,
              null,
              () -> bc.isHandshakeDone() && openssl.output().contains("Keying material: "),
              WAIT,
              openssl::pollOutput,
              openssl::output);
      assertTrue(peer.getAddress().isLoopbackAddress(), peer.toString());
      assertAgree(openssl, bc, profile);
      assertArrayEquals(clientKeys.certificateDer(), bc.peerCertificate());
    }
  }

  /** The knob a test of "extended master secret required" needs: OpenSSL with EMS off. */
  @Test
  void aClientThatRequiresTheExtendedMasterSecretRefusesAServerWithout() throws Exception {
    String noEms =
        """
        openssl_conf = default_conf
        [default_conf]
        ssl_conf = ssl_sect
        [ssl_sect]
        system_default = sys
        [sys]
        Options = -ExtendedMasterSecret
        """;
    try (OpenSslDtls openssl =
            openSslServer(serverKeys, SrtpProfile.AES128_CM_HMAC_SHA1_80).config(noEms).start();
        BouncyCastleDtlsPeer bc =
            BouncyCastleDtlsPeer.client()
                .credentials(clientKeys)
                .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80)
                .startOnUdp(openssl.address())) {
      AssertionError e = assertThrows(AssertionError.class, () -> bc.awaitHandshake(WAIT));
      assertTrue(e.getMessage().contains("handshake_failure"), e.getMessage());
      assertFalse(bc.isHandshakeDone());
    }
  }

  // ---- helpers ----

  private static OpenSslDtls.Builder openSslServer(PeerCredentials keys, SrtpProfile profile) {
    return OpenSslDtls.server()
        .certificate(keys.certificatePem(), keys.privateKeyPem())
        .verify(1) // request the client's certificate, as WebRTC does
        .srtpProfiles(OpenSslNames.srtpProfile(profile))
        .exportKeyingMaterial(LABEL, OpenSslNames.keyingMaterialLength(profile));
  }

  private static OpenSslDtls.Builder openSslClient(
      InetSocketAddress server, PeerCredentials keys, SrtpProfile... offered) {
    String[] names = new String[offered.length];
    for (int i = 0; i < offered.length; i++) {
      names[i] = OpenSslNames.srtpProfile(offered[i]);
    }
    return OpenSslDtls.client(server)
        .certificate(keys.certificatePem(), keys.privateKeyPem())
        .srtpProfiles(names);
  }

  private static DatagramSocket loopbackSocket() throws Exception {
    return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  private static void assertAgree(
      OpenSslDtls openssl, BouncyCastleDtlsPeer bc, SrtpProfile profile) {
    assertEquals(profile, bc.srtpProfile());
    assertEquals(OpenSslNames.srtpProfile(profile), openssl.srtpProfile());
    byte[] ours = bc.keyingMaterial();
    assertEquals(OpenSslNames.keyingMaterialLength(profile), ours.length);
    assertArrayEquals(openssl.keyingMaterial(), ours, openssl.output());
    assertTrue(bc.extendedMasterSecret());
    assertTrue(bc.secureRenegotiation());
    assertEquals(Optional.of(true), openssl.secureRenegotiation());
    assertEquals(OpenSslNames.cipher(bc.cipherSuite()), openssl.cipher());
  }

  private static void assertExchangeLines(OpenSslDtls openssl, BouncyCastleDtlsPeer bc) {
    bc.send("hello from bouncy castle\n".getBytes(StandardCharsets.UTF_8));
    openssl.awaitOutput("hello from bouncy castle", WAIT);
    openssl.sendLine("hello from openssl");
    assertEquals("hello from openssl\n", new String(bc.received(WAIT), StandardCharsets.UTF_8));
  }
}
