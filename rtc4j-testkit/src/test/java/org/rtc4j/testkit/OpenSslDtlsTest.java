package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenSslDtls} with real processes: an OpenSSL server and an OpenSSL client on loopback.
 * Fails (does not skip) when {@code openssl} is missing.
 */
class OpenSslDtlsTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static String certificatePem;
  private static String privateKeyPem;

  @BeforeAll
  static void makeACertificate() throws Exception {
    Path openssl = OpenSslDtls.findOpenSsl(System.getenv("PATH"));
    Path dir = Files.createTempDirectory("rtc4j-openssl-test-");
    try {
      Process req =
          new ProcessBuilder(
                  openssl.toString(),
                  "req",
                  "-x509",
                  "-newkey",
                  "ec",
                  "-pkeyopt",
                  "ec_paramgen_curve:prime256v1",
                  "-nodes",
                  "-keyout",
                  "key.pem",
                  "-out",
                  "cert.pem",
                  "-days",
                  "1",
                  "-subj",
                  "/CN=rtc4j-test")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      try {
        req.getOutputStream().close();
        assertTrue(req.waitFor(10, TimeUnit.SECONDS), "openssl req did not finish");
        String out = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, req.exitValue(), out);
      } finally {
        req.destroyForcibly();
        req.waitFor(5, TimeUnit.SECONDS);
      }
      certificatePem = Files.readString(dir.resolve("cert.pem"));
      privateKeyPem = Files.readString(dir.resolve("key.pem"));
    } finally {
      delete(dir);
    }
  }

  @Test
  void serverAndClientExportTheSameKeysAndExchangeLines() throws Exception {
    OpenSslDtls server =
        OpenSslDtls.server()
            .certificate(certificatePem, privateKeyPem)
            .verify(1)
            .srtpProfiles("SRTP_AES128_CM_SHA1_80")
            .exportKeyingMaterial("EXTRACTOR-dtls_srtp", 60)
            .cipher("ECDHE-ECDSA-AES128-GCM-SHA256")
            .groups("P-256")
            .start();
    try (server;
        OpenSslDtls client =
            OpenSslDtls.client(server.address())
                .certificate(certificatePem, privateKeyPem)
                .srtpProfiles("SRTP_AEAD_AES_128_GCM", "SRTP_AES128_CM_SHA1_80")
                .exportKeyingMaterial("EXTRACTOR-dtls_srtp", 60)
                .start()) {
      assertTrue(server.isServer());
      assertFalse(client.isServer());
      assertEquals(server.address(), client.address());
      assertTrue(server.output().contains("ACCEPT"));

      client.awaitOutput("Keying material: ", WAIT);
      server.awaitOutput("Keying material: ", WAIT);
      assertEquals(60, server.keyingMaterial().length);
      assertArrayEquals(server.keyingMaterial(), client.keyingMaterial());
      assertEquals("SRTP_AES128_CM_SHA1_80", server.srtpProfile());
      assertEquals("SRTP_AES128_CM_SHA1_80", client.srtpProfile());
      assertEquals("ECDHE-ECDSA-AES128-GCM-SHA256", server.cipher());
      assertEquals("ECDHE-ECDSA-AES128-GCM-SHA256", client.cipher());
      assertEquals(Optional.of(true), client.extendedMasterSecret());
      assertEquals(Optional.of(true), server.secureRenegotiation());
      assertEquals(Optional.of(true), client.secureRenegotiation());
      assertTrue(server.output().contains("Client certificate"), server.output());

      client.sendLine("hello from the client");
      server.awaitOutput("hello from the client", WAIT);
      server.sendLine("hello from the server");
      client.awaitOutput("hello from the server", WAIT);
      assertThrows(IllegalArgumentException.class, () -> client.sendLine("two\nlines"));
    } finally {
      assertFalse(server.isAlive());
    }
    server.pollOutput(); // harmless after close
  }

  @Test
  void aConfigFileTurnsTheExtendedMasterSecretOff() throws Exception {
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
    OpenSslDtls server =
        OpenSslDtls.server().certificate(certificatePem, privateKeyPem).config(noEms).start();
    try (server;
        OpenSslDtls client = OpenSslDtls.client(server.address()).start()) {
      client.awaitOutput("Extended master secret: ", WAIT);
      assertEquals(Optional.of(false), client.extendedMasterSecret());
    }
  }

  @Test
  void aTimeoutShowsTheOutput() throws Exception {
    try (OpenSslDtls server =
        OpenSslDtls.server().certificate(certificatePem, privateKeyPem).start()) {
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () -> server.awaitOutput("never printed", Duration.ofMillis(50)));
      assertTrue(e.getMessage().contains("ACCEPT"), e.getMessage());
      assertTrue(e.getMessage().contains("s_server"), e.getMessage());
      IllegalStateException missing =
          assertThrows(IllegalStateException.class, server::keyingMaterial);
      assertTrue(missing.getMessage().contains("ACCEPT"), missing.getMessage());
    }
  }

  @Test
  void aServerThatExitsFailsTheStartWithItsOutput() {
    // A key that does not parse: s_server exits at once instead of printing ACCEPT.
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> OpenSslDtls.server().certificate(certificatePem, "not a key").start());
    assertTrue(e.getMessage().contains("exited"), e.getMessage());
    assertTrue(e.getMessage().contains("private key"), e.getMessage()); // openssl's own words
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }
}
