package org.rtc4j.dtls.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Jazzer fuzz targets, one per parser of this package. Each feeds arbitrary bytes to its parser:
 * {@link ParseException} is the only way to refuse them, and whatever parses must encode back to
 * the very bytes it came from (the grammar leaves one way to write each value; the hellos' one
 * exception is an empty extension block, which encodes as none) and parse again to an equal value.
 *
 * <p>Without {@code JAZZER_FUZZ} they run as ordinary tests over the seeds in {@code
 * src/test/resources/org/rtc4j/dtls/handshake/HandshakeFuzzTestInputs/<target>/}. To fuzz one
 * target, from the repository root:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=20s ./mvnw -B -o -pl rtc4j-dtls -am test \
 *     -Dtest='HandshakeFuzzTest#clientHello' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * A failing input lands as {@code crash-<sha1>} in the target's seed directory (git-ignored); once
 * fixed, rename it to say what it is and commit it.
 */
class HandshakeFuzzTest {
  /** A parser of a whole body, as the message classes have. */
  interface Parser<T> {
    T parse(byte[] data) throws ParseException;
  }

  @FuzzTest
  void clientHello(byte[] data) {
    ClientHello hello = roundTripHello(data, ClientHello::parse, ClientHello::encode);
    if (hello == null) {
      return;
    }
    assertEquals(ClientHello.RANDOM_LENGTH, hello.random().length);
    assertEquals(hello, hello.withCookie(hello.cookie()));
    for (Extension e : hello.extensions()) {
      assertEquals(e, hello.extension(e.type()));
      extensionData(e.type(), e.data());
    }
  }

  @FuzzTest
  void serverHello(byte[] data) {
    ServerHello hello = roundTripHello(data, ServerHello::parse, ServerHello::encode);
    if (hello == null) {
      return;
    }
    for (Extension e : hello.extensions()) {
      assertEquals(e, hello.extension(e.type()));
      extensionData(e.type(), e.data());
    }
  }

  @FuzzTest
  void helloVerifyRequest(byte[] data) {
    roundTrip(data, HelloVerifyRequest::parse, HelloVerifyRequest::encode);
  }

  @FuzzTest
  void certificateMessage(byte[] data) {
    CertificateMessage m = roundTrip(data, CertificateMessage::parse, CertificateMessage::encode);
    if (m != null) {
      for (byte[] der : m.certificates()) {
        assertTrue(der.length > 0);
      }
    }
  }

  @FuzzTest
  void serverKeyExchange(byte[] data) {
    ServerKeyExchange ske = roundTrip(data, ServerKeyExchange::parse, ServerKeyExchange::encode);
    if (ske != null) {
      byte[] params = ske.params();
      assertArrayEquals(Arrays.copyOf(data, params.length), params);
      assertArrayEquals(params, ServerKeyExchange.params(ske.namedGroup(), ske.publicKey()));
    }
  }

  @FuzzTest
  void certificateRequest(byte[] data) {
    roundTrip(data, CertificateRequest::parse, CertificateRequest::encode);
  }

  @FuzzTest
  void clientKeyExchange(byte[] data) {
    roundTrip(data, ClientKeyExchange::parse, ClientKeyExchange::encode);
  }

  @FuzzTest
  void certificateVerify(byte[] data) {
    roundTrip(data, CertificateVerify::parse, CertificateVerify::encode);
  }

  @FuzzTest
  void finished(byte[] data) {
    Finished f = roundTrip(data, Finished::parse, Finished::encode);
    if (f != null) {
      assertTrue(f.matches(data));
    }
  }

  @FuzzTest
  void alert(byte[] data) {
    Alert alert = roundTrip(data, b -> Alert.parse(b, 0, b.length), Alert::encode);
    // The same bytes inside a larger array parse the same.
    byte[] larger = new byte[data.length + 7];
    Arrays.fill(larger, (byte) 0x55);
    System.arraycopy(data, 0, larger, 3, data.length);
    try {
      assertEquals(alert, Alert.parse(larger, 3, data.length));
    } catch (ParseException e) {
      assertNull(alert, "refused only inside a larger array: " + e.getMessage());
    }
    if (alert != null) {
      Alert.describe(alert.description());
      alert.isFatal();
    }
  }

  /**
   * A record's worth of handshake fragments: parses fragments until the bytes run out or one is
   * refused; each must write back to exactly the bytes it was read from.
   */
  @FuzzTest
  void handshakeFragment(byte[] data) {
    ByteReader r = new ByteReader(data);
    while (r.hasRemaining()) {
      int start = r.position();
      HandshakeFragment f;
      try {
        f = HandshakeFragment.parse(r);
      } catch (ParseException e) {
        return;
      }
      byte[] read = Arrays.copyOfRange(data, start, r.position());
      assertArrayEquals(read, f.encode());
      assertTrue(f.fragmentOffset() + f.fragmentLength() <= f.length());
      assertEquals(f.fragmentOffset() == 0 && f.fragmentLength() == f.length(), f.isComplete());
      assertArrayEquals(
          Arrays.copyOf(read, HandshakeFragment.HEADER_LENGTH),
          HandshakeFragment.header(
              f.type(), f.length(), f.messageSeq(), f.fragmentOffset(), f.fragmentLength()));
      HandshakeType.fromCode(f.type());
      assertParsesTo(f, b -> HandshakeFragment.parse(new ByteReader(b)), read);
    }
  }

  /** A u16-length extension block, as hellos carry it, with what may follow it. */
  @FuzzTest
  void extensionList(byte[] data) {
    ByteReader r = new ByteReader(data);
    List<Extension> list;
    try {
      list = Extensions.parseList(r);
    } catch (ParseException e) {
      return;
    }
    ByteWriter w = ByteWriter.growable(0, 2 + 0xFFFF);
    Extensions.writeList(w, list);
    assertArrayEquals(Arrays.copyOf(data, r.position()), w.toByteArray());
  }

  @FuzzTest
  void supportedGroups(byte[] data) {
    extensionData(ExtensionType.SUPPORTED_GROUPS, data);
  }

  @FuzzTest
  void ecPointFormats(byte[] data) {
    extensionData(ExtensionType.EC_POINT_FORMATS, data);
  }

  @FuzzTest
  void signatureAlgorithms(byte[] data) {
    extensionData(ExtensionType.SIGNATURE_ALGORITHMS, data);
  }

  @FuzzTest
  void useSrtp(byte[] data) {
    extensionData(ExtensionType.USE_SRTP, data);
  }

  @FuzzTest
  void extendedMasterSecret(byte[] data) {
    extensionData(ExtensionType.EXTENDED_MASTER_SECRET, data);
  }

  @FuzzTest
  void renegotiationInfo(byte[] data) {
    extensionData(ExtensionType.RENEGOTIATION_INFO, data);
  }

  @FuzzTest
  void supportedVersionsClient(byte[] data) {
    extensionData(ExtensionType.SUPPORTED_VERSIONS, data);
  }

  /**
   * Runs the typed parser of an extension's data, if this package has one: only ParseException may
   * escape, and what parses must build back to the same data with the extension's builder.
   */
  private static void extensionData(int type, byte[] data) {
    switch (type) {
      case ExtensionType.SUPPORTED_GROUPS ->
          roundTrip(
              data, Extensions::parseSupportedGroups, v -> Extensions.supportedGroups(v).data());
      case ExtensionType.EC_POINT_FORMATS ->
          roundTrip(
              data,
              Extensions::parseEcPointFormats,
              v -> ByteWriter.growable(0, 256).u8(v.length).bytes(v).toByteArray());
      case ExtensionType.SIGNATURE_ALGORITHMS ->
          roundTrip(
              data,
              Extensions::parseSignatureAlgorithms,
              v -> Extensions.signatureAlgorithms(v).data());
      case ExtensionType.USE_SRTP ->
          roundTrip(
              data,
              Extensions::parseUseSrtp,
              v -> Extensions.useSrtp(v.profiles(), v.mki()).data());
      case ExtensionType.EXTENDED_MASTER_SECRET -> {
        try {
          Extensions.parseExtendedMasterSecret(data);
        } catch (ParseException e) {
          return;
        }
        assertArrayEquals(Extensions.extendedMasterSecret().data(), data);
      }
      case ExtensionType.RENEGOTIATION_INFO ->
          roundTrip(
              data,
              Extensions::parseRenegotiationInfo,
              v -> Extensions.renegotiationInfo(v).data());
      case ExtensionType.SUPPORTED_VERSIONS ->
          roundTrip(
              data,
              Extensions::parseSupportedVersionsClient,
              v -> Extensions.supportedVersionsClient(v).data());
      default -> {}
    }
  }

  /**
   * Parses {@code data}; if it parses, it must encode to exactly {@code data} and parse again to an
   * equal value. Returns the value, or null if refused.
   */
  private static <T> T roundTrip(byte[] data, Parser<T> parser, Function<T, byte[]> encoder) {
    T value;
    try {
      value = parser.parse(data);
    } catch (ParseException e) {
      return null;
    }
    byte[] again = encoder.apply(value);
    assertArrayEquals(data, again, () -> "re-encoding of " + value);
    assertParsesTo(value, parser, again);
    return value;
  }

  /** As {@link #roundTrip}, but an empty extension block may have been dropped. */
  private static <T> T roundTripHello(byte[] data, Parser<T> parser, Function<T, byte[]> encoder) {
    T value;
    try {
      value = parser.parse(data);
    } catch (ParseException e) {
      return null;
    }
    byte[] again = encoder.apply(value);
    if (again.length == data.length - 2) {
      // RFC 5246 §7.4.1.2: an empty extension block, which encodes as an absent one.
      assertEquals(0, data[data.length - 2]);
      assertEquals(0, data[data.length - 1]);
      assertTrue(value.toString().endsWith("extensions []]"), value.toString());
      assertArrayEquals(Arrays.copyOf(data, again.length), again);
    } else {
      assertArrayEquals(data, again, () -> "re-encoding of " + value);
    }
    assertParsesTo(value, parser, again);
    return value;
  }

  private static <T> void assertParsesTo(T value, Parser<T> parser, byte[] bytes) {
    T reparsed;
    try {
      reparsed = parser.parse(bytes);
    } catch (ParseException e) {
      throw new AssertionError("cannot parse its own encoding of " + value, e);
    }
    // The typed extension parsers return bare arrays, compared by content.
    Object[] expected = {value};
    Object[] actual = {reparsed};
    assertTrue(Arrays.deepEquals(expected, actual), () -> value + " parses back as " + reparsed);
    assertEquals(Arrays.deepHashCode(expected), Arrays.deepHashCode(actual));
    assertEquals(Arrays.deepToString(expected), Arrays.deepToString(actual));
  }
}
