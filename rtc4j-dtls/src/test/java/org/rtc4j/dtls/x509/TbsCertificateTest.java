package org.rtc4j.dtls.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.dtls.x509.DerTest.ascii;
import static org.rtc4j.dtls.x509.DerTest.hex;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.crypto.RandomSourceSecureRandom;

class TbsCertificateTest {
  static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2050-01-01T00:00:00Z");

  /** Not a real key: any one DER SEQUENCE will do where the encoding is all that is checked. */
  static final byte[] FAKE_SPKI = {0x30, 0x03, 0x02, 0x01, 0x05};

  static KeyPair ecKey;

  @BeforeAll
  static void generateKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(
        new ECGenParameterSpec("secp256r1"), new RandomSourceSecureRandom(RandomSource.seeded(5)));
    ecKey = generator.generateKeyPair();
  }

  static TbsCertificate tbs(BigInteger serial, String cn, Instant from, Instant to, byte[] spki) {
    return new TbsCertificate(serial, SignatureAlgorithm.ECDSA_WITH_SHA256, cn, from, to, spki);
  }

  @Test
  void aKnownEncoding() {
    TbsCertificate tbs = tbs(BigInteger.valueOf(42), "rtc4j", NOT_BEFORE, NOT_AFTER, FAKE_SPKI);
    String name = "3010" + "310E" + "300C" + "0603550403" + "0C05" + "727463346A";
    String expected =
        "305F"
            + "A003020102" // [0] EXPLICIT INTEGER 2: v3
            + "02012A" // serial 42
            + "300A06082A8648CE3D040302" // ecdsa-with-SHA256, no parameters
            + name // issuer
            + "3020"
            + "170D"
            + hex(ascii("250101000000Z"))
            + "180F"
            + hex(ascii("20500101000000Z"))
            + name // subject
            + "3003020105"; // the SubjectPublicKeyInfo, as given
    assertEquals(expected, hex(tbs.encoded()));
  }

  @Test
  void algorithmIdentifiers() {
    // RFC 5758 §3.2: parameters absent; RFC 4055 §5: parameters NULL
    assertEquals(
        "300A06082A8648CE3D040302",
        hex(SignatureAlgorithm.ECDSA_WITH_SHA256.algorithmIdentifier()));
    assertEquals(
        "300D06092A864886F70D01010B0500",
        hex(SignatureAlgorithm.SHA256_WITH_RSA_ENCRYPTION.algorithmIdentifier()));
  }

  @Test
  void theJdkReadsWhatItSigns() throws Exception {
    BigInteger serial = new BigInteger("0123456789ABCDEF0123456789ABCDEF", 16);
    TbsCertificate tbs =
        tbs(
            serial,
            "Gr\u00fc\u00dfe \u65e5\u672c",
            Instant.parse("1949-06-01T12:00:00Z"),
            Instant.parse("2049-12-31T23:59:59Z"),
            ecKey.getPublic().getEncoded());
    byte[] der = tbs.sign(ecKey.getPrivate(), new RandomSourceSecureRandom(RandomSource.seeded(6)));
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    cert.verify(ecKey.getPublic());
    assertArrayEquals(tbs.encoded(), cert.getTBSCertificate());
    assertArrayEquals(der, cert.getEncoded());
    assertEquals(3, cert.getVersion());
    assertEquals(serial, cert.getSerialNumber());
    assertEquals("1.2.840.10045.4.3.2", cert.getSigAlgOID());
    assertNull(cert.getSigAlgParams());
    assertEquals("CN=Gr\u00fc\u00dfe \u65e5\u672c", cert.getSubjectX500Principal().getName());
    assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
    assertEquals(Date.from(Instant.parse("1949-06-01T12:00:00Z")), cert.getNotBefore());
    assertEquals(Date.from(Instant.parse("2049-12-31T23:59:59Z")), cert.getNotAfter());
    assertEquals(ecKey.getPublic(), cert.getPublicKey());
    assertNull(cert.getCriticalExtensionOIDs());
    assertNull(cert.getNonCriticalExtensionOIDs());
  }

  @Test
  void signingWithTheWrongKindOfKeyFails() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024, new SecureRandom());
    KeyPair pair = rsa.generateKeyPair();
    TbsCertificate tbs =
        tbs(BigInteger.TEN, "x", NOT_BEFORE, NOT_AFTER, pair.getPublic().getEncoded());
    assertThrows(
        GeneralSecurityException.class, () -> tbs.sign(pair.getPrivate(), new SecureRandom()));
  }

  @Test
  void serialNumbersArePositiveAndAtMostTwentyOctets() {
    BigInteger twentyOctets = BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE);
    assertEquals(
        twentyOctets, tbs(twentyOctets, "x", NOT_BEFORE, NOT_AFTER, FAKE_SPKI).serialNumber());
    BigInteger twentyOneOctets = BigInteger.ONE.shiftLeft(159);
    IllegalArgumentException tooLong =
        assertThrows(
            IllegalArgumentException.class,
            () -> tbs(twentyOneOctets, "x", NOT_BEFORE, NOT_AFTER, FAKE_SPKI));
    assertTrue(tooLong.getMessage().contains("20 octets"), tooLong.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> tbs(BigInteger.ZERO, "x", NOT_BEFORE, NOT_AFTER, FAKE_SPKI));
    assertThrows(
        IllegalArgumentException.class,
        () -> tbs(BigInteger.valueOf(-5), "x", NOT_BEFORE, NOT_AFTER, FAKE_SPKI));
  }

  @Test
  void commonNamesHaveOneToSixtyFourCharacters() {
    String longest = "a".repeat(63) + "\uD83D\uDE00"; // 64 characters, 65 UTF-16 units
    assertEquals(
        longest, tbs(BigInteger.ONE, longest, NOT_BEFORE, NOT_AFTER, FAKE_SPKI).commonName());
    assertThrows(
        IllegalArgumentException.class,
        () -> tbs(BigInteger.ONE, "a".repeat(65), NOT_BEFORE, NOT_AFTER, FAKE_SPKI));
    assertThrows(
        IllegalArgumentException.class,
        () -> tbs(BigInteger.ONE, "", NOT_BEFORE, NOT_AFTER, FAKE_SPKI));
    assertThrows(
        IllegalArgumentException.class,
        () -> tbs(BigInteger.ONE, "a\uDE00", NOT_BEFORE, NOT_AFTER, FAKE_SPKI));
  }

  @Test
  void validityIsKeptToWholeSecondsAndMustNotRunBackwards() {
    TbsCertificate tbs =
        tbs(
            BigInteger.ONE,
            "x",
            Instant.parse("2030-05-05T05:05:05.75Z"),
            Instant.parse("2030-05-05T05:05:05.25Z"),
            FAKE_SPKI);
    assertEquals(Instant.parse("2030-05-05T05:05:05Z"), tbs.notBefore());
    assertEquals(tbs.notBefore(), tbs.notAfter());
    IllegalArgumentException backwards =
        assertThrows(
            IllegalArgumentException.class,
            () -> tbs(BigInteger.ONE, "x", NOT_AFTER, NOT_BEFORE, FAKE_SPKI));
    assertTrue(backwards.getMessage().contains("before"), backwards.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            tbs(
                BigInteger.ONE,
                "x",
                NOT_BEFORE,
                Instant.parse("+10000-01-01T00:00:00Z"),
                FAKE_SPKI));
  }

  @Test
  void theSubjectPublicKeyInfoMustBeOneSequence() {
    byte[][] bad = {
      {},
      {0x30},
      {0x04, 0x00},
      {0x30, 0x02, 0x05},
      {0x30, 0x01, 0x05, 0x00},
      {0x30, (byte) 0x80},
      {0x30, (byte) 0x81},
      {0x30, (byte) 0x84, 0, 0, 0, 1, 5}
    };
    for (byte[] spki : bad) {
      assertThrows(
          IllegalArgumentException.class,
          () -> tbs(BigInteger.ONE, "x", NOT_BEFORE, NOT_AFTER, spki),
          hex(spki));
    }
    byte[] longForm = new byte[3 + 200];
    longForm[0] = 0x30;
    longForm[1] = (byte) 0x81;
    longForm[2] = (byte) 200;
    assertEquals(
        203,
        tbs(BigInteger.ONE, "x", NOT_BEFORE, NOT_AFTER, longForm).subjectPublicKeyInfo().length);
  }

  @Test
  void theSubjectPublicKeyInfoIsCopiedInAndOut() {
    byte[] spki = FAKE_SPKI.clone();
    TbsCertificate tbs = tbs(BigInteger.ONE, "x", NOT_BEFORE, NOT_AFTER, spki);
    byte[] before = tbs.encoded();
    spki[4] = 9;
    tbs.subjectPublicKeyInfo()[4] = 9;
    assertArrayEquals(before, tbs.encoded());
  }

  @Test
  void equalityIsByValue() {
    TbsCertificate a = tbs(BigInteger.TWO, "x", NOT_BEFORE, NOT_AFTER, FAKE_SPKI.clone());
    TbsCertificate b = tbs(BigInteger.TWO, "x", NOT_BEFORE, NOT_AFTER, FAKE_SPKI.clone());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, tbs(BigInteger.TWO, "y", NOT_BEFORE, NOT_AFTER, FAKE_SPKI));
    assertNotEquals(
        a,
        new TbsCertificate(
            BigInteger.TWO,
            SignatureAlgorithm.SHA256_WITH_RSA_ENCRYPTION,
            "x",
            NOT_BEFORE,
            NOT_AFTER,
            FAKE_SPKI));
    assertTrue(a.toString().contains("CN=x"), a.toString());
  }
}
