package org.rtc4j.dtls.x509;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.rtc4j.common.ByteWriter;

/**
 * DER encodings (ITU-T X.690 §8 and §10) of the few ASN.1 types a self-signed X.509 certificate is
 * made of. Each method returns one complete tag-length-value; constructed types take their
 * already-encoded elements.
 *
 * <p>Only what a certificate needs is here, and only in its canonical form: non-negative INTEGERs,
 * BIT STRINGs of whole octets, and times in UTC with whole seconds.
 */
public final class Der {
  /** The largest encoding this class builds; a certificate is a few kilobytes. */
  public static final int MAX_LENGTH = 1 << 24;

  // Universal tags (X.680 §8.4), with the constructed bit (0x20) set for SEQUENCE and SET.
  static final int TAG_INTEGER = 0x02;
  static final int TAG_BIT_STRING = 0x03;
  static final int TAG_NULL = 0x05;
  static final int TAG_OBJECT_IDENTIFIER = 0x06;
  static final int TAG_UTF8_STRING = 0x0C;
  static final int TAG_PRINTABLE_STRING = 0x13;
  static final int TAG_UTC_TIME = 0x17;
  static final int TAG_GENERALIZED_TIME = 0x18;
  static final int TAG_SEQUENCE = 0x30;
  static final int TAG_SET = 0x31;

  /** The first instant UTCTime cannot carry (RFC 5280 §4.1.2.5.1: YY below 50 means 20YY). */
  static final Instant UTC_TIME_END = Instant.parse("2050-01-01T00:00:00Z");

  /** The first instant UTCTime can carry (YY of 50 or more means 19YY). */
  static final Instant UTC_TIME_START = Instant.parse("1950-01-01T00:00:00Z");

  private static final Instant GENERALIZED_TIME_START = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant GENERALIZED_TIME_END = Instant.parse("9999-12-31T23:59:59Z");

  private Der() {}

  /**
   * A tag, its length and {@code content}. Only single-octet tags (numbers below 31) are needed.
   *
   * @throws IllegalArgumentException if the tag is not a single octet or the content is over {@link
   *     #MAX_LENGTH}
   */
  public static byte[] tlv(int tag, byte[] content) {
    if (tag < 0 || tag > 0xFF || (tag & 0x1F) == 0x1F) {
      throw new IllegalArgumentException("not a single-octet tag: " + tag);
    }
    if (content.length > MAX_LENGTH) {
      throw new IllegalArgumentException("content of " + content.length + " bytes is too long");
    }
    byte[] length = length(content.length);
    int total = 1 + length.length + content.length;
    return ByteWriter.growable(total, total).u8(tag).bytes(length).bytes(content).toByteArray();
  }

  /**
   * The length octets for {@code length} content octets (X.690 §8.1.3, §10.1): the short form below
   * 128, else the long form with as few octets as the number needs.
   */
  public static byte[] length(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length: " + length);
    }
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int octets = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
    byte[] out = new byte[1 + octets];
    out[0] = (byte) (0x80 | octets);
    for (int i = octets; i >= 1; i--, length >>>= 8) {
      out[i] = (byte) length;
    }
    return out;
  }

  /** A SEQUENCE of the given encoded elements, in order. */
  public static byte[] sequence(byte[]... elements) {
    return tlv(TAG_SEQUENCE, concat(elements));
  }

  /**
   * A SET of the given encoded elements, which must already be in DER order (X.690 §11.6: a SET OF
   * sorted by encoding). A certificate's names use sets of one element.
   */
  public static byte[] set(byte[]... elements) {
    return tlv(TAG_SET, concat(elements));
  }

  /**
   * A context-specific, constructed, EXPLICIT tag {@code [number]} around an encoded element (X.690
   * §8.14), as for a certificate's {@code [0] EXPLICIT Version}.
   */
  public static byte[] explicit(int number, byte[] element) {
    if (number < 0 || number > 30) {
      throw new IllegalArgumentException("context tag number out of range: " + number);
    }
    return tlv(0xA0 | number, element);
  }

  /** An INTEGER holding the non-negative {@code value}. */
  public static byte[] integer(long value) {
    return integer(BigInteger.valueOf(value));
  }

  /**
   * An INTEGER holding the non-negative {@code value}, in the fewest two's-complement octets (X.690
   * §8.3.2): a leading zero octet only when the next octet's top bit is set.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public static byte[] integer(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative INTEGER not supported: " + value);
    }
    // BigInteger's two's-complement form is already the minimal one X.690 §8.3.2 asks for.
    return tlv(TAG_INTEGER, value.toByteArray());
  }

  /** The NULL value: {@code 05 00}. */
  public static byte[] nullValue() {
    return new byte[] {TAG_NULL, 0x00};
  }

  /** A BIT STRING of whole octets: no unused bits in the last one (X.690 §8.6.2). */
  public static byte[] bitString(byte[] octets) {
    byte[] content = new byte[octets.length + 1];
    System.arraycopy(octets, 0, content, 1, octets.length);
    return tlv(TAG_BIT_STRING, content);
  }

  /**
   * An OBJECT IDENTIFIER from its dotted form, e.g. {@code "1.2.840.10045.4.3.2"} (X.690 §8.19):
   * the first two arcs folded into one subidentifier, each subidentifier in base 128 with the high
   * bit set on all but its last octet.
   *
   * @throws IllegalArgumentException if {@code dotted} is not a valid object identifier
   */
  public static byte[] objectIdentifier(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    if (parts.length < 2) {
      throw new IllegalArgumentException("an object identifier has at least two arcs: " + dotted);
    }
    BigInteger[] arcs = new BigInteger[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty() || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("bad arc \"" + parts[i] + "\" in " + dotted);
      }
      if (parts[i].length() > 1 && parts[i].charAt(0) == '0') {
        throw new IllegalArgumentException("arc with a leading zero in " + dotted);
      }
      arcs[i] = new BigInteger(parts[i]);
    }
    BigInteger forty = BigInteger.valueOf(40);
    if (arcs[0].compareTo(BigInteger.TWO) > 0
        || (arcs[0].compareTo(BigInteger.TWO) < 0 && arcs[1].compareTo(forty) >= 0)) {
      // X.660: the first arc is 0, 1 or 2; under 0 and 1 the second is below 40.
      throw new IllegalArgumentException("first arcs out of range in " + dotted);
    }
    ByteWriter out = ByteWriter.growable(dotted.length(), MAX_LENGTH);
    subidentifier(out, arcs[0].multiply(forty).add(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      subidentifier(out, arcs[i]);
    }
    return tlv(TAG_OBJECT_IDENTIFIER, out.toByteArray());
  }

  private static void subidentifier(ByteWriter out, BigInteger value) {
    int groups = Math.max(1, (value.bitLength() + 6) / 7);
    for (int g = groups - 1; g >= 0; g--) {
      int septet = value.shiftRight(7 * g).intValue() & 0x7F;
      out.u8(g == 0 ? septet : 0x80 | septet);
    }
  }

  /**
   * A UTF8String (X.680 §41).
   *
   * @throws IllegalArgumentException if {@code text} is not well-formed UTF-16 (a lone surrogate)
   */
  public static byte[] utf8String(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("unpaired surrogate at index " + i);
      }
    }
    return tlv(TAG_UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A PrintableString (X.680 §41.4: letters, digits, space and {@code '()+,-./:=?}).
   *
   * @throws IllegalArgumentException if {@code text} has any other character
   */
  public static byte[] printableString(String text) {
    if (!isPrintable(text)) {
      throw new IllegalArgumentException("not a PrintableString: " + text);
    }
    return tlv(TAG_PRINTABLE_STRING, text.getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether every character of {@code text} is in the PrintableString alphabet. */
  public static boolean isPrintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || " '()+,-./:=?".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A UTCTime {@code YYMMDDHHMMSSZ} (RFC 5280 §4.1.2.5.1), for instants in 1950 through 2049.
   * Fractions of a second are dropped.
   *
   * @throws IllegalArgumentException outside those years
   */
  public static byte[] utcTime(Instant instant) {
    if (instant.isBefore(UTC_TIME_START) || !instant.isBefore(UTC_TIME_END)) {
      throw new IllegalArgumentException("UTCTime carries 1950 through 2049 only: " + instant);
    }
    ZonedDateTime t = utc(instant);
    String text =
        twoDigits(t.getYear() % 100)
            + twoDigits(t.getMonthValue())
            + twoDigits(t.getDayOfMonth())
            + twoDigits(t.getHour())
            + twoDigits(t.getMinute())
            + twoDigits(t.getSecond())
            + "Z";
    return tlv(TAG_UTC_TIME, text.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A GeneralizedTime {@code YYYYMMDDHHMMSSZ} (RFC 5280 §4.1.2.5.2: in UTC, with seconds, no
   * fraction). Fractions of a second are dropped.
   *
   * @throws IllegalArgumentException for an instant outside the years 0000 through 9999
   */
  public static byte[] generalizedTime(Instant instant) {
    if (instant.isBefore(GENERALIZED_TIME_START)
        || instant.truncatedTo(ChronoUnit.SECONDS).isAfter(GENERALIZED_TIME_END)) {
      throw new IllegalArgumentException(
          "GeneralizedTime carries years 0000 through 9999 only: " + instant);
    }
    ZonedDateTime t = utc(instant);
    String text =
        twoDigits(t.getYear() / 100)
            + twoDigits(t.getYear() % 100)
            + twoDigits(t.getMonthValue())
            + twoDigits(t.getDayOfMonth())
            + twoDigits(t.getHour())
            + twoDigits(t.getMinute())
            + twoDigits(t.getSecond())
            + "Z";
    return tlv(TAG_GENERALIZED_TIME, text.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A certificate's {@code Time} (RFC 5280 §4.1.2.5): UTCTime through 2049, GeneralizedTime from
   * 2050 on, and before 1950, which UTCTime cannot carry.
   */
  public static byte[] time(Instant instant) {
    if (!instant.isBefore(UTC_TIME_START) && instant.isBefore(UTC_TIME_END)) {
      return utcTime(instant);
    }
    return generalizedTime(instant);
  }

  private static ZonedDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static byte[] concat(byte[]... parts) {
    long total = 0;
    for (byte[] p : parts) {
      total += p.length;
    }
    if (total > MAX_LENGTH) {
      throw new IllegalArgumentException("content of " + total + " bytes is too long");
    }
    ByteWriter out = ByteWriter.growable((int) total, (int) total);
    for (byte[] p : parts) {
      out.bytes(p);
    }
    return out.toByteArray();
  }
}
