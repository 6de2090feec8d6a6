package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link OpenSslDtls}'s parsing of OpenSSL's output and its command lines, without processes. */
class OpenSslDtlsOutputTest {

  // Trimmed from a real run of OpenSSL 3.0.19 s_server -dtls1_2 -verify 1 -use_srtp ...
  private static final String SERVER_OUTPUT =
      """
      verify depth is 1
      Using default temp DH parameters
      ACCEPT
      depth=0 CN = test
      verify error:num=18:self-signed certificate
      verify return:1
      Client certificate
      -----BEGIN CERTIFICATE-----
      MIIBczCCARmgAwIBAgIUeTvWoNmBPzoNlZq0rJCHR2sWSpwwCgYIKoZIzj0EAwIw
      -----END CERTIFICATE-----
      subject=CN = test
      Shared ciphers:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384
      Supported groups: x25519:secp256r1:x448:secp521r1:secp384r1
      CIPHER is ECDHE-ECDSA-AES256-GCM-SHA384
      SRTP Extension negotiated, profile=SRTP_AEAD_AES_128_GCM
      Secure Renegotiation IS supported
      Keying material exporter:
          Label: 'EXTRACTOR-dtls_srtp'
          Length: 56 bytes
          Keying material: D09F229DC49E8B3EC7F452333B142DC8352D74487DEBFF5CAAEEFCE2E10FF7587B0859338BC09E2736166A5AE859E5DD733ED4ECAEB743FF
      hello-from-client
      """;

  // Trimmed from the matching s_client -dtls1_2 run.
  private static final String CLIENT_OUTPUT =
      """
      CONNECTED(00000003)
      ---
      Server Temp Key: X25519, 253 bits
      ---
      New, TLSv1.2, Cipher is ECDHE-ECDSA-AES256-GCM-SHA384
      Server public key is 256 bit
      Secure Renegotiation IS supported
      SRTP Extension negotiated, profile=SRTP_AEAD_AES_128_GCM
      SSL-Session:
          Protocol  : DTLSv1.2
          Cipher    : ECDHE-ECDSA-AES256-GCM-SHA384
          Extended master secret: yes
      Keying material exporter:
          Label: 'EXTRACTOR-dtls_srtp'
          Length: 56 bytes
          Keying material: D09F229DC49E8B3EC7F452333B142DC8352D74487DEBFF5CAAEEFCE2E10FF7587B0859338BC09E2736166A5AE859E5DD733ED4ECAEB743FF
      ---
      hello-from-server
      """;

  private static final byte[] KEYING_MATERIAL =
      HexFormat.of()
          .parseHex(
              "D09F229DC49E8B3EC7F452333B142DC8352D74487DEBFF5CAAEEFCE2E10FF758"
                  + "7B0859338BC09E2736166A5AE859E5DD733ED4ECAEB743FF");

  @Test
  void parsesTheServersOutput() {
    byte[] km = OpenSslDtls.parseKeyingMaterial(SERVER_OUTPUT).orElseThrow();
    assertEquals(56, km.length);
    assertArrayEquals(KEYING_MATERIAL, km);
    assertEquals(Optional.of("SRTP_AEAD_AES_128_GCM"), OpenSslDtls.parseSrtpProfile(SERVER_OUTPUT));
    assertEquals(
        Optional.of("ECDHE-ECDSA-AES256-GCM-SHA384"), OpenSslDtls.parseCipher(SERVER_OUTPUT));
    assertEquals(Optional.empty(), OpenSslDtls.parseExtendedMasterSecret(SERVER_OUTPUT));
    assertEquals(Optional.of(true), OpenSslDtls.parseSecureRenegotiation(SERVER_OUTPUT));
  }

  @Test
  void parsesTheClientsOutput() {
    assertArrayEquals(
        KEYING_MATERIAL, OpenSslDtls.parseKeyingMaterial(CLIENT_OUTPUT).orElseThrow());
    assertEquals(Optional.of("SRTP_AEAD_AES_128_GCM"), OpenSslDtls.parseSrtpProfile(CLIENT_OUTPUT));
    assertEquals(
        Optional.of("ECDHE-ECDSA-AES256-GCM-SHA384"), OpenSslDtls.parseCipher(CLIENT_OUTPUT));
    assertEquals(Optional.of(true), OpenSslDtls.parseExtendedMasterSecret(CLIENT_OUTPUT));
    assertEquals(Optional.of(true), OpenSslDtls.parseSecureRenegotiation(CLIENT_OUTPUT));
    assertEquals(
        Optional.of(false),
        OpenSslDtls.parseSecureRenegotiation("Secure Renegotiation IS NOT supported\n"));
    assertEquals(
        Optional.of(false),
        OpenSslDtls.parseExtendedMasterSecret("    Extended master secret: no\n"));
  }

  @Test
  void nothingBeforeTheHandshake() {
    String early = "verify depth is 1\nUsing default temp DH parameters\nACCEPT\n";
    assertTrue(OpenSslDtls.parseKeyingMaterial(early).isEmpty());
    assertTrue(OpenSslDtls.parseSrtpProfile(early).isEmpty());
    assertTrue(OpenSslDtls.parseCipher(early).isEmpty());
    assertTrue(OpenSslDtls.parseSecureRenegotiation(early).isEmpty());
    assertTrue(OpenSslDtls.parseExtendedMasterSecret(early).isEmpty());
    assertTrue(OpenSslDtls.parseKeyingMaterial("").isEmpty());
  }

  @Test
  void aFailedHandshakeHasNoCipher() {
    assertTrue(OpenSslDtls.parseCipher("New, (NONE), Cipher is (NONE)\n").isEmpty());
  }

  @Test
  void theLastConnectionWins() {
    String two =
        SERVER_OUTPUT.replace("SRTP_AEAD_AES_128_GCM", "SRTP_AES128_CM_SHA1_80")
            + "CIPHER is ECDHE-RSA-AES128-GCM-SHA256\n"
            + "SRTP Extension negotiated, profile=SRTP_AEAD_AES_128_GCM\n"
            + "    Keying material: 00ff10\n";
    assertArrayEquals(new byte[] {0, -1, 16}, OpenSslDtls.parseKeyingMaterial(two).orElseThrow());
    assertEquals(Optional.of("SRTP_AEAD_AES_128_GCM"), OpenSslDtls.parseSrtpProfile(two));
    assertEquals(Optional.of("ECDHE-RSA-AES128-GCM-SHA256"), OpenSslDtls.parseCipher(two));
  }

  @Test
  void aMissingOpensslIsAClearFailure() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> OpenSslDtls.findOpenSsl("/nonexistent"));
    assertTrue(e.getMessage().contains("openssl"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> OpenSslDtls.findOpenSsl(""));
    assertThrows(IllegalStateException.class, () -> OpenSslDtls.findOpenSsl(null));
    assertThrows(
        IllegalStateException.class,
        () -> OpenSslDtls.server().certificate("c", "k").path("/nonexistent").start());
  }

  @Test
  void serverCommandLine() {
    List<String> cmd =
        OpenSslDtls.server()
            .certificate("cert", "key")
            .verify(1)
            .srtpProfiles("SRTP_AES128_CM_SHA1_80", "SRTP_AEAD_AES_128_GCM")
            .exportKeyingMaterial("EXTRACTOR-dtls_srtp", 60)
            .cipher("ECDHE-ECDSA-AES128-GCM-SHA256")
            .groups("P-256")
            .mtu(1200)
            .extraArgs("-no_ticket")
            .command(Path.of("/usr/bin/openssl"), 4433, Path.of("/tmp/x"));
    assertEquals(
        List.of(
            "/usr/bin/openssl",
            "s_server",
            "-dtls1_2",
            "-accept",
            "127.0.0.1:4433",
            "-cert",
            "/tmp/x/cert.pem",
            "-key",
            "/tmp/x/key.pem",
            "-use_srtp",
            "SRTP_AES128_CM_SHA1_80:SRTP_AEAD_AES_128_GCM",
            "-keymatexport",
            "EXTRACTOR-dtls_srtp",
            "-keymatexportlen",
            "60",
            "-cipher",
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "-groups",
            "P-256",
            "-verify",
            "1",
            "-mtu",
            "1200",
            "-no_ticket"),
        cmd);
    assertTrue(
        OpenSslDtls.server()
            .requireVerify(2)
            .command(Path.of("openssl"), 1, Path.of("d"))
            .containsAll(List.of("-Verify", "2")));
  }

  @Test
  void clientCommandLine() {
    List<String> cmd =
        OpenSslDtls.client(new InetSocketAddress("127.0.0.1", 5000))
            .srtpProfiles("SRTP_AEAD_AES_128_GCM")
            .command(Path.of("openssl"), 0, Path.of("d"));
    assertEquals(
        List.of(
            "openssl",
            "s_client",
            "-dtls1_2",
            "-connect",
            "127.0.0.1:5000",
            "-use_srtp",
            "SRTP_AEAD_AES_128_GCM"),
        cmd);
    assertThrows(
        IllegalStateException.class,
        () -> OpenSslDtls.client(new InetSocketAddress("127.0.0.1", 5000)).requireVerify(1));
  }

  @Test
  void peersStayOnLoopback() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OpenSslDtls.client(new InetSocketAddress("192.0.2.1", 5000)));
    assertThrows(
        IllegalArgumentException.class,
        () -> OpenSslDtls.client(InetSocketAddress.createUnresolved("localhost", 5000)));
  }

  @Test
  void aServerNeedsACertificate() {
    assertThrows(IllegalStateException.class, () -> OpenSslDtls.server().start());
  }
}
