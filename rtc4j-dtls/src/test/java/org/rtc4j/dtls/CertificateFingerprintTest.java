package org.rtc4j.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class CertificateFingerprintTest {
  static final long SEED = 0x5EED_F1A6L;

  /** The value of the a=fingerprint line of ../shared/interop/fixtures/chrome-offer.sdp. */
  static final String CHROME =
      "sha-256 F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A:90";

  static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void chromesFingerprintRoundTripsExactly() {
    CertificateFingerprint f = CertificateFingerprint.parse(CHROME);
    assertEquals("sha-256", f.algorithm());
    assertEquals(32, f.value().length);
    assertEquals((byte) 0xF9, f.value()[0]);
    assertEquals((byte) 0xC2, f.value()[1]);
    assertEquals((byte) 0x90, f.value()[31]);
    assertEquals(CHROME, f.toString());
  }

  @Test
  void lowerCaseHexAndUpperCaseNamesAreAcceptedAndWrittenAsBrowsersDo() {
    CertificateFingerprint lower =
        CertificateFingerprint.parse(CHROME.toLowerCase(Locale.ROOT).replace("sha-256", "SHA-256"));
    assertEquals(CertificateFingerprint.parse(CHROME), lower);
    assertEquals(CHROME, lower.toString());
    assertEquals(CHROME, CertificateFingerprint.parse("  " + CHROME + "\r\n").toString());
  }

  /** FIPS 180-4's "abc" examples. */
  @ParameterizedTest
  @CsvSource({
    "sha-1, A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D",
    "SHA-224, 23:09:7D:22:34:05:D8:22:86:42:A4:77:BD:A2:55:B3:2A:AD:BC:E4:BD:A0:B3:F7:E3:6C:9D:A7",
    "sha-256, BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
    "Sha-384, CB:00:75:3F:45:A3:5E:8B:B5:A0:3D:69:9A:C6:50:07:27:2C:32:AB:0E:DE:D1:63:1A:8B:60:5A:43:FF:5B:ED:80:86:07:2B:A1:E7:CC:23:58:BA:EC:A1:34:C8:25:A7",
    "sha-512, DD:AF:35:A1:93:61:7A:BA:CC:41:73:49:AE:20:41:31:12:E6:FA:4E:89:A9:7E:A2:0A:9E:EE:E6:4B:55:D3:9A:21:92:99:2A:27:4F:C1:A8:36:BA:3C:23:A3:FE:EB:BD:45:4D:44:23:64:3C:E8:0E:2A:9A:C9:4F:A5:4C:A4:9F",
  })
  void everyHashFunctionWithAKnownAnswer(String algorithm, String hex) {
    CertificateFingerprint f = CertificateFingerprint.of(algorithm, ABC);
    String name = algorithm.toLowerCase(Locale.ROOT);
    assertEquals(name, f.algorithm());
    assertEquals(name + " " + hex, f.toString());
    assertEquals(f, CertificateFingerprint.parse(f.toString()));
    assertTrue(f.matches(ABC));
  }

  @Test
  void matchesOnlyTheSameBytes() {
    CertificateFingerprint f = CertificateFingerprint.of("sha-256", ABC);
    assertTrue(f.matches("abc".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(f.matches("abd".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(f.matches(new byte[0]));
    assertFalse(CertificateFingerprint.parse(CHROME).matches(ABC));
  }

  @Test
  void equalsAndHashCodeGoByAlgorithmAndValue() {
    CertificateFingerprint a = CertificateFingerprint.of("sha-256", ABC);
    CertificateFingerprint b = CertificateFingerprint.parse(a.toString());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, CertificateFingerprint.of("sha-256", new byte[] {1}));
    assertNotEquals(a, CertificateFingerprint.of("sha-384", ABC));
    assertNotEquals(a, null);
    assertNotEquals(a, a.toString());
  }

  @Test
  void theValueIsACopy() {
    CertificateFingerprint f = CertificateFingerprint.parse(CHROME);
    byte[] value = f.value();
    value[0] = 0;
    assertEquals((byte) 0xF9, f.value()[0]);
    assertEquals(CHROME, f.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // no hash function
        "F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A:90 | hash function",
        "sha-256 | hash function",
        "' sha-256' | hash function",
        // unknown or refused hash functions
        "md5 F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59 | known: sha-1",
        "sha-3 F9:C2 | unknown fingerprint hash function \"sha-3\"",
        // an odd number of hex digits, and the wrong number of pairs
        "sha-256 F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A:9 | not 94 characters",
        "sha-256 F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A | 32 hex pairs",
        "sha-1 F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A:90 | a sha-1 fingerprint is 20 hex pairs",
        "sha-256 F9C241A9F78EA33A9EE01322B8407359CCAF8C7047FAAF159A6D15AFB3E24A90 | 95 characters",
        // the right length, with bad characters
        "sha-256 F9-C2-41-A9-F7-8E-A3-3A-9E-E0-13-22-B8-40-73-59-CC-AF-8C-70-47-FA-AF-15-9A-6D-15-AF-B3-E2-4A-90 | where a colon belongs, after pair 1",
        "sha-256 G9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A:90 | \"G9\" where a hex pair belongs (pair 1)",
        "sha-256 F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A::0 | pair 32",
        "sha-256  F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A:6D:15:AF:B3:E2:4A:90 | not 96 characters",
        // full-width digits are digits to Character.digit, not to RFC 8122
        "sha-1 \uFF11\uFF12:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70 | where a hex pair belongs",
      })
  void malformedValuesSayWhatIsWrong(String value, String expectedInMessage) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse(value));
    assertTrue(
        e.getMessage().contains(expectedInMessage),
        () -> "message \"" + e.getMessage() + "\" lacks \"" + expectedInMessage + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "md5", "md2", "sha256", "sha-3-256", "SHA_256"})
  void unknownHashFunctionsAreRefused(String algorithm) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CertificateFingerprint.of(algorithm, ABC));
    assertTrue(e.getMessage().contains("sha-256"), e.getMessage());
  }

  @Test
  void aLongBadValueIsQuotedShort() {
    String value = "sha-256 " + "AB:".repeat(10_000);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse(value));
    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class, () -> CertificateFingerprint.parse(null));
    assertThrows(NullPointerException.class, () -> CertificateFingerprint.of(null, ABC));
    assertThrows(NullPointerException.class, () -> CertificateFingerprint.of("sha-256", null));
    assertThrows(
        NullPointerException.class, () -> CertificateFingerprint.of("sha-256", ABC).matches(null));
  }

  @Test
  void everyFingerprintRoundTripsThroughItsText() {
    Gen<String> algorithms =
        integers()
            .between(0, 4)
            .map(i -> new String[] {"sha-1", "sha-224", "sha-256", "sha-384", "sha-512"}[i]);
    qt().withFixedSeed(SEED)
        .forAll(algorithms, byteArrays(0, 64))
        .checkAssert(
            (algorithm, der) -> {
              CertificateFingerprint f = CertificateFingerprint.of(algorithm, der);
              String text = f.toString();
              assertTrue(text.matches(algorithm + " [0-9A-F]{2}(:[0-9A-F]{2})*"), text);
              CertificateFingerprint back = CertificateFingerprint.parse(text);
              assertEquals(f, back);
              assertArrayEquals(f.value(), back.value());
              assertTrue(back.matches(der));
            });
  }

  @Test
  void anyTextEitherParsesOrIsAnIllegalArgument() {
    // Strings near the grammar: a known name, a space, and characters from the hex alphabet,
    // colons and a few strays; plus arbitrary strings.
    Gen<String> nearly =
        integers()
            .between(0, 4)
            .zip(
                strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 4),
                strings().betweenCodePoints('0', 'G').ofLengthBetween(0, 130),
                (i, junk, hex) ->
                    new String[] {"sha-1", "sha-224", "sha-256", "SHA-384", "sha-512"}[i]
                        + (junk.isEmpty() ? " " : junk)
                        + hex.replace(';', ':').replace('<', ':'));
    qt().withFixedSeed(SEED)
        .forAll(nearly)
        .checkAssert(CertificateFingerprintTest::parsesOrIsAnIllegalArgument);
    qt().withFixedSeed(SEED)
        .forAll(strings().allPossible().ofLengthBetween(0, 120))
        .checkAssert(CertificateFingerprintTest::parsesOrIsAnIllegalArgument);
  }

  static void parsesOrIsAnIllegalArgument(String text) {
    try {
      CertificateFingerprint f = CertificateFingerprint.parse(text);
      assertEquals(f, CertificateFingerprint.parse(f.toString()));
    } catch (IllegalArgumentException expected) {
      assertFalse(expected.getMessage().isEmpty());
    }
  }

  static Gen<byte[]> byteArrays(int min, int max) {
    return arrays()
        .ofIntegers(integers().between(0, 255))
        .withLengthBetween(min, max)
        .map(
            ints -> {
              byte[] out = new byte[ints.length];
              for (int i = 0; i < ints.length; i++) {
                out[i] = (byte) (int) ints[i];
              }
              return out;
            });
  }
}
