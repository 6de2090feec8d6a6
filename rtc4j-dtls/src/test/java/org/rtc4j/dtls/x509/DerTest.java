package org.rtc4j.dtls.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/** Known DER encodings (X.690) of the types a certificate uses, and properties of the writer. */
class DerTest {
  static final long SEED = 0x5EED_D1E5L;

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 020100",
    "1, 020101",
    "127, 02017F",
    "128, 02020080",
    "255, 020200FF",
    "256, 02020100",
    "32767, 02027FFF",
    "32768, 0203008000",
    "65536, 0203010000",
  })
  void integersUseTheFewestOctetsWithALeadingZeroOnlyBeforeATopBit(long value, String expected) {
    assertEquals(expected, hex(Der.integer(value)));
    assertEquals(expected, hex(Der.integer(BigInteger.valueOf(value))));
  }

  @Test
  void aTwentyOctetSerialNumber() {
    BigInteger serial =
        BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE); // 20 octets, 7F FF..
    assertEquals("0214" + "7F" + "FF".repeat(19), hex(Der.integer(serial)));
    BigInteger topBit = BigInteger.ONE.shiftLeft(159); // 80 00.. needs a leading zero
    assertEquals("0215" + "0080" + "00".repeat(19), hex(Der.integer(topBit)));
  }

  @Test
  void negativeIntegersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Der.integer(-1));
    assertThrows(IllegalArgumentException.class, () -> Der.integer(BigInteger.valueOf(-128)));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 01",
    "127, 7F",
    "128, 8180",
    "255, 81FF",
    "256, 820100",
    "65535, 82FFFF",
    "65536, 83010000",
    "16777215, 83FFFFFF",
    "16777216, 8401000000",
  })
  void lengthsUseTheShortFormBelow128AndTheShortestLongForm(int length, String expected) {
    assertEquals(expected, hex(Der.length(length)));
  }

  @Test
  void aNegativeLengthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Der.length(-1));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 255, 256, 65535, 65536})
  void aTlvIsTagLengthAndContent(int size) {
    byte[] content = new byte[size];
    for (int i = 0; i < size; i++) {
      content[i] = (byte) (i * 7);
    }
    byte[] tlv = Der.tlv(0x04, content);
    byte[] length = Der.length(size);
    assertEquals(1 + length.length + size, tlv.length);
    assertEquals(0x04, tlv[0]);
    assertArrayEquals(length, Arrays.copyOfRange(tlv, 1, 1 + length.length));
    assertArrayEquals(content, Arrays.copyOfRange(tlv, 1 + length.length, tlv.length));
  }

  @Test
  void aSequenceOf128BytesHasATwoOctetLength() {
    byte[] sequence = Der.sequence(Der.tlv(0x04, new byte[126]));
    assertEquals("3081800" + "47E" + "00".repeat(126), hex(sequence));
  }

  @Test
  void multiOctetAndBadTagsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Der.tlv(0x1F, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Der.tlv(0x100, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Der.tlv(-1, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Der.explicit(31, Der.nullValue()));
  }

  @ParameterizedTest
  @CsvSource({
    // RFC 5758 §3.2, ecdsa-with-SHA256
    "1.2.840.10045.4.3.2, 06082A8648CE3D040302",
    // RFC 4055 §5, sha256WithRSAEncryption
    "1.2.840.113549.1.1.11, 06092A864886F70D01010B",
    // RFC 5480 §2.1.1, id-ecPublicKey and secp256r1
    "1.2.840.10045.2.1, 06072A8648CE3D0201",
    "1.2.840.10045.3.1.7, 06082A8648CE3D030107",
    // X.520 id-at-commonName
    "2.5.4.3, 0603550403",
    // X.690 §8.19.5's example: the first subidentifier is 40 * 2 + 999 = 1079
    "2.999.3, 0603883703",
    "0.0, 060100",
    "1.39, 06014F",
    // A 64-bit arc: ten septets
    "1.2.18446744073709551615, 060B2A81FFFFFFFFFFFFFFFF7F",
  })
  void objectIdentifiers(String dotted, String expected) {
    assertEquals(expected, hex(Der.objectIdentifier(dotted)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "1", "3.1", "0.40", "1.40", "1..2", "1.2.", ".1.2", "1.02", "1.a", "1.-2"})
  void malformedObjectIdentifiersAreRefused(String dotted) {
    assertThrows(IllegalArgumentException.class, () -> Der.objectIdentifier(dotted));
  }

  @Test
  void nullAndBitStrings() {
    assertEquals("0500", hex(Der.nullValue()));
    assertEquals("030100", hex(Der.bitString(new byte[0])));
    assertEquals("030400010280", hex(Der.bitString(new byte[] {1, 2, (byte) 0x80})));
  }

  @Test
  void explicitVersion3() {
    // RFC 5280 §4.1: version [0] EXPLICIT Version, v3 = 2
    assertEquals("A003020102", hex(Der.explicit(0, Der.integer(2))));
  }

  @Test
  void sequencesAndSetsConcatenateTheirElements() {
    assertEquals("3000", hex(Der.sequence()));
    assertEquals("30050500020101", hex(Der.sequence(Der.nullValue(), Der.integer(1))));
    assertEquals("31020500", hex(Der.set(Der.nullValue())));
  }

  @Test
  void strings() {
    assertEquals("0C05727463346A", hex(Der.utf8String("rtc4j")));
    assertEquals("0C02C3A9", hex(Der.utf8String("\u00e9")));
    assertEquals("0C04F09F9880", hex(Der.utf8String("\uD83D\uDE00"))); // a surrogate pair
    assertEquals("1305525443344A", hex(Der.printableString("RTC4J")));
    assertEquals("130D41272829202B2C2D2E2F3A3D3F", hex(Der.printableString("A'() +,-./:=?")));
  }

  @Test
  void badStringsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Der.utf8String("a\uD83Db"));
    assertThrows(IllegalArgumentException.class, () -> Der.utf8String("\uDE00"));
    assertThrows(IllegalArgumentException.class, () -> Der.printableString("a@b"));
    assertThrows(IllegalArgumentException.class, () -> Der.printableString("caf\u00e9"));
    assertTrue(Der.isPrintable("Example Org (Test) 1/2 a=b? x:y,z-w.v+u'"));
  }

  @Test
  void utcTimeIsYymmddhhmmssZ() {
    // RFC 5280 §4.1.2.5.1
    byte[] t = Der.utcTime(Instant.parse("2025-01-02T03:04:05Z"));
    assertEquals("170D" + hex(ascii("250102030405Z")), hex(t));
    assertArrayEquals(t, Der.utcTime(Instant.parse("2025-01-02T03:04:05.999999999Z")));
    assertEquals(
        "170D" + hex(ascii("500101000000Z")),
        hex(Der.utcTime(Instant.parse("1950-01-01T00:00:00Z"))));
    assertEquals(
        "170D" + hex(ascii("491231235959Z")),
        hex(Der.utcTime(Instant.parse("2049-12-31T23:59:59Z"))));
  }

  @Test
  void generalizedTimeIsYyyymmddhhmmssZ() {
    // RFC 5280 §4.1.2.5.2: seconds, no fraction, Z
    byte[] t = Der.generalizedTime(Instant.parse("2050-01-01T00:00:00.5Z"));
    assertEquals("180F" + hex(ascii("20500101000000Z")), hex(t));
    assertEquals(
        "180F" + hex(ascii("99991231235959Z")),
        hex(Der.generalizedTime(Instant.parse("9999-12-31T23:59:59.999Z"))));
    assertEquals(
        "180F" + hex(ascii("00010203040506Z")),
        hex(Der.generalizedTime(Instant.parse("0001-02-03T04:05:06Z"))));
  }

  @Test
  void timeSwitchesToGeneralizedTimeIn2050AndBefore1950() {
    assertEquals(Der.TAG_UTC_TIME, Der.time(Instant.parse("2049-12-31T23:59:59Z"))[0]);
    assertEquals(Der.TAG_GENERALIZED_TIME, Der.time(Instant.parse("2050-01-01T00:00:00Z"))[0]);
    assertEquals(Der.TAG_UTC_TIME, Der.time(Instant.parse("1950-01-01T00:00:00Z"))[0]);
    assertEquals(Der.TAG_GENERALIZED_TIME, Der.time(Instant.parse("1949-12-31T23:59:59Z"))[0]);
  }

  @Test
  void timesOutOfRangeAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> Der.utcTime(Instant.parse("2050-01-01T00:00:00Z")));
    assertThrows(
        IllegalArgumentException.class, () -> Der.utcTime(Instant.parse("1949-12-31T23:59:59Z")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Der.generalizedTime(Instant.parse("+10000-01-01T00:00:00Z")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Der.generalizedTime(Instant.parse("-0001-12-31T23:59:59Z")));
    assertThrows(IllegalArgumentException.class, () -> Der.time(Instant.MAX));
    assertThrows(IllegalArgumentException.class, () -> Der.time(Instant.MIN));
  }

  // --- properties, checked against a small decoder written from X.690 -------------------------

  @Test
  void everyNonNegativeIntegerRoundTripsInItsShortestForm() {
    qt().withFixedSeed(SEED)
        .forAll(byteArrays(0, 24))
        .checkAssert(
            magnitude -> {
              BigInteger value = new BigInteger(1, magnitude);
              byte[] tlv = Der.integer(value);
              assertEquals(Der.TAG_INTEGER, tlv[0]);
              byte[] content = contentOf(tlv);
              assertEquals(value, new BigInteger(content));
              // X.690 §8.3.2: the first nine bits are never all zero or all one
              assertEquals(value.bitLength() / 8 + 1, content.length);
            });
  }

  @Test
  void everyLengthDecodesToItselfInTheShortestForm() {
    qt().withFixedSeed(SEED)
        .forAll(integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            length -> {
              byte[] octets = Der.length(length);
              if (length < 0x80) {
                assertEquals(1, octets.length);
                assertEquals((int) length, octets[0]);
              } else {
                int n = octets[0] & 0x7F;
                assertEquals(octets.length - 1, n);
                assertNotEquals((byte) 0, octets[1], "no leading zero octet in the long form");
                long decoded = 0;
                for (int i = 1; i <= n; i++) {
                  decoded = (decoded << 8) | (octets[i] & 0xFF);
                }
                assertEquals((long) length, decoded);
              }
            });
  }

  @Test
  void everyObjectIdentifierDecodesToItsArcs() {
    Gen<List<Long>> tail = lists().of(longs().between(0, Long.MAX_VALUE)).ofSizeBetween(0, 8);
    qt().withFixedSeed(SEED)
        .forAll(integers().between(0, 2), longs().between(0, 100_000), tail)
        .checkAssert(
            (first, second, rest) -> {
              long secondArc = first < 2 ? second % 40 : second;
              List<String> arcs = new ArrayList<>();
              arcs.add(Long.toString(first));
              arcs.add(Long.toString(secondArc));
              rest.forEach(arc -> arcs.add(Long.toString(arc)));
              String dotted = String.join(".", arcs);
              byte[] tlv = Der.objectIdentifier(dotted);
              assertEquals(Der.TAG_OBJECT_IDENTIFIER, tlv[0]);
              assertEquals(dotted, decodeObjectIdentifier(contentOf(tlv)));
            });
  }

  @Test
  void everyTimeReadsBackAsTheSameSecond() {
    long start = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long end = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    DateTimeFormatter utc = DateTimeFormatter.ofPattern("uuMMddHHmmss'Z'");
    DateTimeFormatter generalized = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'");
    qt().withFixedSeed(SEED)
        .forAll(longs().between(start, end), integers().between(0, 999_999_999))
        .checkAssert(
            (seconds, nanos) -> {
              Instant instant = Instant.ofEpochSecond(seconds, nanos);
              byte[] tlv = Der.time(instant);
              String text = new String(contentOf(tlv), StandardCharsets.US_ASCII);
              LocalDateTime read;
              if (tlv[0] == Der.TAG_UTC_TIME) {
                read = LocalDateTime.parse(text, utc);
                // RFC 5280 §4.1.2.5.1: YY of 50 and above is 19YY, below 50 is 20YY
                int yy = read.getYear() % 100;
                read = read.withYear(yy >= 50 ? 1900 + yy : 2000 + yy);
              } else {
                assertEquals(Der.TAG_GENERALIZED_TIME, tlv[0]);
                read = LocalDateTime.parse(text, generalized);
                assertTrue(read.getYear() < 1950 || read.getYear() >= 2050);
              }
              assertEquals(Instant.ofEpochSecond(seconds), read.toInstant(ZoneOffset.UTC));
            });
  }

  /** The content of a TLV whose length the test trusts the writer for only through this check. */
  static byte[] contentOf(byte[] tlv) {
    int first = tlv[1] & 0xFF;
    int header = 2;
    int length = first;
    if (first >= 0x80) {
      length = 0;
      for (int i = 0; i < (first & 0x7F); i++) {
        length = (length << 8) | (tlv[2 + i] & 0xFF);
      }
      header += first & 0x7F;
    }
    assertEquals(tlv.length, header + length, "the length covers exactly the content");
    return Arrays.copyOfRange(tlv, header, tlv.length);
  }

  /** X.690 §8.19 read back: base-128 subidentifiers, the first one split into two arcs. */
  static String decodeObjectIdentifier(byte[] content) {
    List<BigInteger> subidentifiers = new ArrayList<>();
    BigInteger current = BigInteger.ZERO;
    boolean started = false;
    for (byte b : content) {
      if (!started) {
        assertNotEquals((byte) 0x80, b, "no leading 0x80 in a subidentifier");
      }
      current = current.shiftLeft(7).or(BigInteger.valueOf(b & 0x7F));
      started = (b & 0x80) != 0;
      if (!started) {
        subidentifiers.add(current);
        current = BigInteger.ZERO;
      }
    }
    assertTrue(!started, "the last subidentifier is complete");
    BigInteger firstTwo = subidentifiers.get(0);
    BigInteger forty = BigInteger.valueOf(40);
    BigInteger first =
        firstTwo.compareTo(BigInteger.valueOf(80)) < 0 ? firstTwo.divide(forty) : BigInteger.TWO;
    List<BigInteger> arcs = new ArrayList<>();
    arcs.add(first);
    arcs.add(firstTwo.subtract(first.multiply(forty)));
    arcs.addAll(subidentifiers.subList(1, subidentifiers.size()));
    return arcs.stream().map(BigInteger::toString).collect(Collectors.joining("."));
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
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
