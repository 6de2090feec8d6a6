package org.rtc4j.dtls.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.SrtpProfile;

/** {@link BouncyCastleDtlsPeer} against itself, and its builder's checks. */
@Timeout(10)
class BouncyCastleDtlsPeerTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void twoPeersAgree() throws Exception {
    PeerCredentials serverKeys = PeerCredentials.ecdsa();
    PeerCredentials clientKeys = PeerCredentials.ecdsa();
    try (BouncyCastleDtlsPeer server =
            BouncyCastleDtlsPeer.server()
                .credentials(serverKeys)
                .srtpProfiles(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AEAD_AES_128_GCM)
                .startOnUdp();
        BouncyCastleDtlsPeer client =
            BouncyCastleDtlsPeer.client()
                .credentials(clientKeys)
                .srtpProfiles(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_256_GCM)
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)
                .mtu(576)
                .startOnUdp(server.localAddress())) {
      server.awaitHandshake(WAIT);
      client.awaitHandshake(WAIT);
      assertTrue(server.isServer());
      assertFalse(client.isServer());
      // The server's preference wins.
      assertEquals(SrtpProfile.AEAD_AES_256_GCM, server.srtpProfile());
      assertEquals(SrtpProfile.AEAD_AES_256_GCM, client.srtpProfile());
      assertEquals(88, server.keyingMaterial().length);
      assertArrayEquals(server.keyingMaterial(), client.keyingMaterial());
      assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, client.cipherSuite());
      assertArrayEquals(clientKeys.certificateDer(), server.peerCertificate());
      assertArrayEquals(serverKeys.certificateDer(), client.peerCertificate());

      client.send("hi".getBytes(StandardCharsets.UTF_8));
      assertEquals("hi", new String(server.received(WAIT), StandardCharsets.UTF_8));
      assertNull(server.pollReceived());
      AssertionError none =
          assertThrows(AssertionError.class, () -> server.received(Duration.ofMillis(30)));
      assertTrue(none.getMessage().contains("no application data"), none.getMessage());
    }
  }

  @Test
  void withoutTheCookieExchangeAndWithRsa() throws Exception {
    try (BouncyCastleDtlsPeer server =
            BouncyCastleDtlsPeer.server()
                .credentials(PeerCredentials.rsa())
                .helloVerifyRequest(false)
                .requestClientCertificate(false)
                .requireExtendedMasterSecret(false)
                .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80)
                .startOnUdp();
        BouncyCastleDtlsPeer client =
            BouncyCastleDtlsPeer.client()
                .credentials(PeerCredentials.ecdsa())
                .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_80)
                .startOnUdp(server.localAddress())) {
      client.awaitHandshake(WAIT);
      server.awaitHandshake(WAIT);
      assertNull(server.peerCertificate(), "no CertificateRequest, no client certificate");
      assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, client.cipherSuite());
      assertEquals(60, client.keyingMaterial().length);
      assertArrayEquals(server.keyingMaterial(), client.keyingMaterial());
    }
  }

  @Test
  void noCommonSrtpProfileMeansNoKeys() throws Exception {
    try (BouncyCastleDtlsPeer server =
            BouncyCastleDtlsPeer.server()
                .credentials(PeerCredentials.ecdsa())
                .srtpProfiles(SrtpProfile.AES128_CM_HMAC_SHA1_32)
                .startOnUdp();
        BouncyCastleDtlsPeer client =
            BouncyCastleDtlsPeer.client()
                .credentials(PeerCredentials.ecdsa())
                .srtpProfiles(SrtpProfile.AEAD_AES_128_GCM)
                .startOnUdp(server.localAddress())) {
      client.awaitHandshake(WAIT);
      server.awaitHandshake(WAIT);
      assertNull(client.srtpProfile());
      assertNull(client.keyingMaterial());
      assertTrue(
          server.events().toString().contains("no common SRTP profile"),
          server.events().toString());
    }
  }

  @Test
  void aHandshakeWithNobodyTimesOutWithContext() throws Exception {
    try (BouncyCastleDtlsPeer server =
        BouncyCastleDtlsPeer.server().credentials(PeerCredentials.ecdsa()).startOnUdp()) {
      AssertionError e =
          assertThrows(AssertionError.class, () -> server.awaitHandshake(Duration.ofMillis(50)));
      assertTrue(e.getMessage().contains("not done within 50 ms"), e.getMessage());
      assertThrows(IllegalStateException.class, server::srtpProfile);
      assertThrows(IllegalStateException.class, server::endpoint);
    }
  }

  @Test
  void builderChecks() {
    assertThrows(IllegalStateException.class, () -> BouncyCastleDtlsPeer.server().startPumped());
    assertThrows(
        IllegalStateException.class,
        () -> BouncyCastleDtlsPeer.client().credentials(PeerCredentials.ecdsa()).startOnUdp());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BouncyCastleDtlsPeer.client()
                .credentials(PeerCredentials.ecdsa())
                .startOnUdp(new InetSocketAddress("192.0.2.1", 5000)));
    assertThrows(
        IllegalStateException.class,
        () ->
            BouncyCastleDtlsPeer.server()
                .credentials(PeerCredentials.ecdsa())
                .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
                .startOnUdp());
    assertThrows(
        IllegalArgumentException.class, () -> BouncyCastleDtlsPeer.client().cipherSuites());
    assertThrows(IllegalArgumentException.class, () -> BouncyCastleDtlsPeer.client().mtu(100));
  }
}
