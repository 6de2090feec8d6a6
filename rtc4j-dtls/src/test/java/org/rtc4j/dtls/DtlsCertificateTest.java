package org.rtc4j.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.DtlsCertificate.KeyType;

class DtlsCertificateTest {
  static final Instant NOT_BEFORE = Instant.parse("2025-03-01T10:20:30Z");
  // After 2049, so notAfter is a GeneralizedTime (RFC 5280 §4.1.2.5).
  static final Instant NOT_AFTER = Instant.parse("2051-04-02T11:21:31Z");
  static final long EC_SEED = 1;
  static final long RSA_SEED = 2;

  static DtlsCertificate ecdsa;
  static DtlsCertificate rsa;

  /** Generated once: RSA 2048 takes a while. */
  @BeforeAll
  static void generate() {
    ecdsa =
        DtlsCertificate.selfSigned(
            KeyType.ECDSA_P256, "rtc4j", NOT_BEFORE, NOT_AFTER, RandomSource.seeded(EC_SEED));
    rsa =
        DtlsCertificate.selfSigned(
            KeyType.RSA_2048, "rtc4j", NOT_BEFORE, NOT_AFTER, RandomSource.seeded(RSA_SEED));
  }

  static Stream<DtlsCertificate> both() {
    return Stream.of(ecdsa, rsa);
  }

  static X509Certificate parse(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** The serial number {@link DtlsCertificate#selfSigned} must draw first from a seeded source. */
  static BigInteger expectedSerial(long seed) {
    byte[] octets = new byte[DtlsCertificate.SERIAL_OCTETS];
    RandomSource.seeded(seed).nextBytes(octets);
    octets[0] = (byte) ((octets[0] & 0x3F) | 0x40);
    return new BigInteger(1, octets);
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static int occurrences(byte[] haystack, byte[] needle) {
    int count = 0;
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        count++;
      }
    }
    return count;
  }

  @ParameterizedTest
  @MethodSource("both")
  void theJdkParsesItAndItsSignatureVerifies(DtlsCertificate c) throws Exception {
    X509Certificate cert = parse(c.encodedChain().get(0));
    assertEquals(c.certificate(), cert);
    cert.verify(cert.getPublicKey());
    cert.verify(c.publicKey());
    assertEquals(3, cert.getVersion());
    assertEquals("CN=rtc4j", cert.getSubjectX500Principal().getName());
    assertEquals("CN=rtc4j", cert.getIssuerX500Principal().getName());
    assertEquals(Date.from(NOT_BEFORE), cert.getNotBefore());
    assertEquals(Date.from(NOT_AFTER), cert.getNotAfter());
    assertNull(cert.getCriticalExtensionOIDs());
    assertNull(cert.getNonCriticalExtensionOIDs());
    assertEquals(-1, cert.getBasicConstraints());
    assertEquals(c.publicKey(), cert.getPublicKey());
    assertEquals(List.of(cert), c.chain());
    assertEquals(1, c.encodedChain().size());
  }

  @Test
  void ecdsaP256WithEcdsaWithSha256() {
    X509Certificate cert = ecdsa.certificate();
    assertTrue(ecdsa.ecdsa());
    assertEquals("1.2.840.10045.4.3.2", cert.getSigAlgOID());
    // RFC 5758 §3.2: parameters absent, in tbsCertificate.signature and signatureAlgorithm
    assertEquals(2, occurrences(ecdsa.encodedChain().get(0), hex("300A06082A8648CE3D040302")));
    assertEquals("EC", ecdsa.privateKey().getAlgorithm());
    ECPublicKey key = (ECPublicKey) ecdsa.publicKey();
    assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
    assertEquals(
        new BigInteger("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16),
        ((ECFieldFp) key.getParams().getCurve().getField()).getP(),
        "the P-256 prime");
  }

  @Test
  void rsa2048WithSha256WithRsaEncryption() {
    X509Certificate cert = rsa.certificate();
    assertFalse(rsa.ecdsa());
    assertEquals("1.2.840.113549.1.1.11", cert.getSigAlgOID());
    // RFC 4055 §5: parameters NULL, in tbsCertificate.signature and signatureAlgorithm
    assertEquals(2, occurrences(rsa.encodedChain().get(0), hex("300D06092A864886F70D01010B0500")));
    RSAPublicKey key = (RSAPublicKey) rsa.publicKey();
    assertEquals(2048, key.getModulus().bitLength());
    assertEquals(BigInteger.valueOf(65537), key.getPublicExponent());
  }

  @Test
  void theSerialNumberIsSixteenRandomOctetsDrawnFirstFromTheSource() {
    assertEquals(expectedSerial(EC_SEED), ecdsa.certificate().getSerialNumber());
    assertEquals(expectedSerial(RSA_SEED), rsa.certificate().getSerialNumber());
    BigInteger serial = ecdsa.certificate().getSerialNumber();
    assertEquals(1, serial.signum());
    assertEquals(127, serial.bitLength(), "16 octets, top bit clear so DER adds no zero octet");
    DtlsCertificate again =
        DtlsCertificate.selfSigned(
            KeyType.ECDSA_P256, "rtc4j", NOT_BEFORE, NOT_AFTER, RandomSource.seeded(EC_SEED));
    assertEquals(serial, again.certificate().getSerialNumber());
    DtlsCertificate other =
        DtlsCertificate.selfSigned(
            KeyType.ECDSA_P256, "rtc4j", NOT_BEFORE, NOT_AFTER, RandomSource.seeded(99));
    assertNotEquals(serial, other.certificate().getSerialNumber());
    assertNotEquals(ecdsa.fingerprint(), other.fingerprint());
  }

  @Test
  void theConvenienceFormIsEcdsaValidFromADayBeforeToThirtyDaysAfter() throws Exception {
    Instant now = Instant.parse("2026-07-15T08:00:00.123456Z");
    DtlsCertificate c = DtlsCertificate.selfSigned(now, RandomSource.seeded(3));
    X509Certificate cert = c.certificate();
    assertTrue(c.ecdsa());
    assertEquals("CN=rtc4j", cert.getSubjectX500Principal().getName());
    assertEquals(Date.from(Instant.parse("2026-07-14T08:00:00Z")), cert.getNotBefore());
    assertEquals(Date.from(Instant.parse("2026-08-14T08:00:00Z")), cert.getNotAfter());
    cert.verify(cert.getPublicKey());
  }

  @Test
  void timesBefore1950AreGeneralizedTimesTheJdkReads() throws Exception {
    Instant from = Instant.parse("1949-12-31T23:59:59Z");
    Instant to = Instant.parse("1950-01-01T00:00:00Z");
    DtlsCertificate c =
        DtlsCertificate.selfSigned(KeyType.ECDSA_P256, "old", from, to, RandomSource.seeded(4));
    assertEquals(Date.from(from), c.certificate().getNotBefore());
    assertEquals(Date.from(to), c.certificate().getNotAfter());
  }

  @Test
  void badArgumentsAreRefused() {
    RandomSource random = RandomSource.seeded(5);
    assertThrows(
        IllegalArgumentException.class,
        () -> DtlsCertificate.selfSigned(KeyType.ECDSA_P256, "", NOT_BEFORE, NOT_AFTER, random));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DtlsCertificate.selfSigned(
                KeyType.ECDSA_P256, "a".repeat(65), NOT_BEFORE, NOT_AFTER, random));
    assertThrows(
        IllegalArgumentException.class,
        () -> DtlsCertificate.selfSigned(KeyType.ECDSA_P256, "x", NOT_AFTER, NOT_BEFORE, random));
    assertThrows(
        NullPointerException.class,
        () -> DtlsCertificate.selfSigned(null, "x", NOT_BEFORE, NOT_AFTER, random));
    assertThrows(
        NullPointerException.class,
        () -> DtlsCertificate.selfSigned(KeyType.ECDSA_P256, "x", NOT_BEFORE, NOT_AFTER, null));
    assertThrows(NullPointerException.class, () -> DtlsCertificate.selfSigned(null, random));
  }

  @ParameterizedTest
  @MethodSource("both")
  void fingerprintsHashTheLeafDer(DtlsCertificate c) throws Exception {
    byte[] der = c.certificate().getEncoded();
    assertEquals(CertificateFingerprint.of("sha-256", der), c.fingerprint());
    assertEquals("sha-256", c.fingerprint().algorithm());
    assertTrue(c.fingerprint().matches(der));
    assertEquals("sha-1", c.fingerprint("SHA-1").algorithm());
    assertTrue(c.fingerprint("sha-512").matches(der));
    assertThrows(IllegalArgumentException.class, () -> c.fingerprint("md5"));
  }

  @Test
  void theEncodedChainIsCopiedOnEveryCall() {
    byte[] first = ecdsa.encodedChain().get(0);
    first[first.length - 1] ^= 1;
    assertNotEquals(first[first.length - 1], ecdsa.encodedChain().get(0)[first.length - 1]);
    assertTrue(ecdsa.fingerprint().matches(ecdsa.encodedChain().get(0)));
    assertThrows(UnsupportedOperationException.class, () -> ecdsa.chain().clear());
  }

  @ParameterizedTest
  @MethodSource("both")
  void thePemFormsReadBack(DtlsCertificate c) throws Exception {
    String pem = c.toPem();
    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"), pem);
    assertTrue(pem.endsWith("\n-----END CERTIFICATE-----\n"), pem);
    for (String line : pem.split("\n")) {
      assertTrue(line.length() <= 64, "RFC 7468 §2: lines of at most 64 characters: " + line);
    }
    X509Certificate read =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(c.certificate(), read);

    String keyPem = c.privateKeyPem();
    assertTrue(keyPem.startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8, not SEC1 or PKCS#1");
    assertTrue(keyPem.endsWith("\n-----END PRIVATE KEY-----\n"));
    String body =
        keyPem
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replace("\n", "");
    PrivateKey key =
        KeyFactory.getInstance(c.privateKey().getAlgorithm())
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    assertEquals(c.privateKey(), key);
  }

  @Test
  void ofWrapsAMatchingKeyAndChain() {
    DtlsCertificate wrapped = DtlsCertificate.of(ecdsa.privateKey(), List.of(ecdsa.certificate()));
    assertSame(ecdsa.privateKey(), wrapped.privateKey());
    assertEquals(ecdsa.certificate(), wrapped.certificate());
    assertEquals(ecdsa.fingerprint(), wrapped.fingerprint());
    assertTrue(wrapped.ecdsa());
    DtlsCertificate wrappedRsa = DtlsCertificate.of(rsa.privateKey(), List.of(rsa.certificate()));
    assertFalse(wrappedRsa.ecdsa());
    assertEquals(rsa.fingerprint(), wrappedRsa.fingerprint());
  }

  @Test
  void ofKeepsTheWholeChainLeafFirst() throws Exception {
    DtlsCertificate wrapped =
        DtlsCertificate.of(rsa.privateKey(), List.of(rsa.certificate(), ecdsa.certificate()));
    assertEquals(rsa.certificate(), wrapped.certificate());
    List<byte[]> der = wrapped.encodedChain();
    assertEquals(2, der.size());
    assertArrayEquals(rsa.certificate().getEncoded(), der.get(0));
    assertArrayEquals(ecdsa.certificate().getEncoded(), der.get(1));
    assertEquals(rsa.fingerprint(), wrapped.fingerprint(), "the leaf's fingerprint");
    assertEquals(rsa.toPem() + ecdsa.toPem(), wrapped.toPem());
  }

  @Test
  void ofRefusesAKeyThatIsNotTheLeafs() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair otherEc = generator.generateKeyPair();
    IllegalArgumentException mismatch =
        assertThrows(
            IllegalArgumentException.class,
            () -> DtlsCertificate.of(otherEc.getPrivate(), List.of(ecdsa.certificate())));
    assertTrue(mismatch.getMessage().contains("does not match"), mismatch.getMessage());

    IllegalArgumentException otherKind =
        assertThrows(
            IllegalArgumentException.class,
            () -> DtlsCertificate.of(rsa.privateKey(), List.of(ecdsa.certificate())));
    assertTrue(otherKind.getMessage().contains("RSA"), otherKind.getMessage());

    // Another RSA key: the same algorithm, a different modulus.
    KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
    rsaGenerator.initialize(1024);
    PrivateKey otherRsa = rsaGenerator.generateKeyPair().getPrivate();
    IllegalArgumentException rsaMismatch =
        assertThrows(
            IllegalArgumentException.class,
            () -> DtlsCertificate.of(otherRsa, List.of(rsa.certificate())));
    assertTrue(rsaMismatch.getMessage().contains("does not match"), rsaMismatch.getMessage());
  }

  @Test
  void ofRefusesOtherKeyTypesAndAnEmptyChain() throws Exception {
    KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    IllegalArgumentException notEcOrRsa =
        assertThrows(
            IllegalArgumentException.class,
            () -> DtlsCertificate.of(ed25519.getPrivate(), List.of(ecdsa.certificate())));
    assertTrue(notEcOrRsa.getMessage().contains("EC or RSA"), notEcOrRsa.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> DtlsCertificate.of(ecdsa.privateKey(), List.of()));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    List<X509Certificate> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(
        NullPointerException.class, () -> DtlsCertificate.of(ecdsa.privateKey(), withNull));
  }

  @Test
  void toStringShowsTheFingerprintAndNotTheKey() {
    String text = ecdsa.toString();
    assertTrue(text.contains(ecdsa.fingerprint().toString()), text);
    assertTrue(text.contains("ECDSA"), text);
    assertTrue(rsa.toString().contains("RSA"), rsa.toString());
    String keyBase64 = Base64.getEncoder().encodeToString(ecdsa.privateKey().getEncoded());
    assertFalse(text.contains(keyBase64.substring(0, 16)));
  }

  /**
   * OpenSSL, an independent X.509 parser, reads what rtc4j writes. CI installs it; when it is
   * missing these tests fail rather than skip. {@code -Drtc4j.openssl=/path/to/openssl} picks
   * another binary.
   */
  @Nested
  class Openssl {
    static final long TIMEOUT_SECONDS = 60;

    @TempDir Path dir;

    record Run(int exitCode, String output) {}

    Run openssl(String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(System.getProperty("rtc4j.openssl", "openssl"));
      command.addAll(List.of(args));
      // Output goes to a file, not a pipe, so a chatty process cannot block on a full pipe.
      Path output = Files.createTempFile(dir, "openssl", ".out");
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
      } catch (IOException e) {
        return fail(
            "cannot run "
                + command.get(0)
                + " ("
                + e.getMessage()
                + "); these tests need OpenSSL on the PATH (apt-get install openssl),"
                + " or -Drtc4j.openssl=<path>",
            e);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("openssl did not finish in " + TIMEOUT_SECONDS + " s: " + command);
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    Run ok(String... args) throws IOException, InterruptedException {
      Run run = openssl(args);
      assertEquals(0, run.exitCode(), () -> "openssl " + String.join(" ", args) + ":\n" + run);
      return run;
    }

    Path write(String name, String text) throws IOException {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @MethodSource("org.rtc4j.dtls.DtlsCertificateTest#both")
    void opensslParsesTheCertificateAndAgreesOnTheFingerprint(DtlsCertificate c) throws Exception {
      write("cert.pem", c.toPem());
      String text =
          ok("x509", "-in", "cert.pem", "-noout", "-text", "-fingerprint", "-sha256").output();
      assertTrue(text.contains("Version: 3 (0x2)"), text);
      assertTrue(text.contains("Issuer: CN = rtc4j"), text);
      assertTrue(text.contains("Subject: CN = rtc4j"), text);
      assertTrue(text.contains("Not Before: Mar  1 10:20:30 2025 GMT"), text);
      assertTrue(text.contains("Not After : Apr  2 11:21:31 2051 GMT"), text);
      String algorithm = c.ecdsa() ? "ecdsa-with-SHA256" : "sha256WithRSAEncryption";
      assertTrue(text.contains("Signature Algorithm: " + algorithm), text);
      String serial = c.certificate().getSerialNumber().toString(16);
      assertTrue(text.replace(":", "").contains(serial), serial + " in\n" + text);

      String fingerprintLine =
          text.lines()
              .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("sha256 fingerprint="))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no SHA-256 fingerprint line in\n" + text));
      String theirs = fingerprintLine.substring(fingerprintLine.indexOf('=') + 1).strip();
      assertEquals("sha-256 " + theirs, c.fingerprint().toString());
      assertEquals(c.fingerprint(), CertificateFingerprint.parse("sha-256 " + theirs));
    }

    @ParameterizedTest
    @MethodSource("org.rtc4j.dtls.DtlsCertificateTest#both")
    void opensslVerifiesTheSelfSignature(DtlsCertificate c) throws Exception {
      write("cert.pem", c.toPem());
      // -check_ss_sig: check the trust anchor's own signature too; -no_check_time: no clock.
      Run run = ok("verify", "-check_ss_sig", "-no_check_time", "-CAfile", "cert.pem", "cert.pem");
      assertTrue(run.output().contains("cert.pem: OK"), run.output());
    }

    @ParameterizedTest
    @MethodSource("org.rtc4j.dtls.DtlsCertificateTest#both")
    void opensslReadsThePrivateKeyAndItMatchesTheCertificate(DtlsCertificate c) throws Exception {
      write("cert.pem", c.toPem());
      write("key.pem", c.privateKeyPem());
      String fromKey = ok("pkey", "-in", "key.pem", "-pubout").output();
      String fromCert = ok("x509", "-in", "cert.pem", "-noout", "-pubkey").output();
      assertTrue(fromKey.startsWith("-----BEGIN PUBLIC KEY-----"), fromKey);
      assertEquals(fromCert, fromKey);
      String ours =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(c.publicKey().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      assertEquals(ours, fromKey);
    }

    @Test
    void opensslSeesADifferentKeyForAnotherCertificate() throws Exception {
      write("ec.pem", ecdsa.toPem());
      write("rsa-key.pem", rsa.privateKeyPem());
      String fromKey = ok("pkey", "-in", "rsa-key.pem", "-pubout").output();
      String fromCert = ok("x509", "-in", "ec.pem", "-noout", "-pubkey").output();
      assertNotEquals(fromCert, fromKey);
    }
  }
}
