package org.rtc4j.dtls.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * Property tests: what the encoders write from random field values the parsers read back equal and
 * re-encode byte for byte; and random or bit-flipped bytes make every parser either return or throw
 * {@link ParseException}. QuickTheories with a fixed seed, so a run is reproducible.
 */
class HandshakePropertyTest {
  static final long SEED = 0xD7_15_2026L;

  static Gen<byte[]> bytes(int min, int max) {
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

  static Gen<int[]> u16s(int min, int max) {
    return arrays()
        .ofIntegers(integers().between(0, 0xFFFF))
        .withLengthBetween(min, max)
        .map(
            values -> {
              int[] out = new int[values.length];
              for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
              }
              return out;
            });
  }

  /** Up to 8 extensions of distinct types (a few well-known ones, mostly arbitrary). */
  static Gen<List<Extension>> extensions() {
    Gen<Extension> one =
        integers()
            .between(0, 0xFFFF)
            .zip(bytes(0, 40), (type, data) -> new Extension(type % 7 == 0 ? 23 : type, data));
    return lists()
        .of(one)
        .ofSizeBetween(0, 8)
        .map(
            list -> {
              Map<Integer, Extension> byType = new LinkedHashMap<>();
              for (Extension e : list) {
                byType.putIfAbsent(e.type(), e);
              }
              return new ArrayList<>(byType.values());
            });
  }

  interface Parser<T> {
    T parse(byte[] body) throws ParseException;
  }

  private static <T> void readsBack(T value, byte[] encoded, Parser<T> parser) {
    try {
      T parsed = parser.parse(encoded);
      assertEquals(value, parsed);
      assertEquals(value.hashCode(), parsed.hashCode());
    } catch (ParseException e) {
      throw new AssertionError("cannot read back " + value, e);
    }
  }

  @Test
  void clientHellos() {
    qt().withFixedSeed(SEED)
        .withExamples(2_000)
        .forAll(bytes(0, 32), bytes(0, 255), u16s(1, 40), extensions())
        .checkAssert(
            (sessionId, cookie, suites, extensions) -> {
              ClientHello hello =
                  new ClientHello(
                      0xFEFD,
                      Samples.counting(32, suites.length),
                      sessionId,
                      cookie,
                      suites,
                      new byte[] {0},
                      extensions);
              byte[] encoded = hello.encode();
              readsBack(hello, encoded, ClientHello::parse);
              assertEquals(
                  2
                      + 32
                      + 1
                      + sessionId.length
                      + 1
                      + cookie.length
                      + 2
                      + 2 * suites.length
                      + 2
                      + (extensions.isEmpty() ? 0 : 2 + extensionBytes(extensions)),
                  encoded.length);
            });
  }

  @Test
  void serverHellos() {
    qt().withFixedSeed(SEED)
        .withExamples(2_000)
        .forAll(bytes(0, 32), integers().between(0, 0xFFFF), extensions())
        .checkAssert(
            (sessionId, suite, extensions) -> {
              ServerHello hello =
                  new ServerHello(
                      0xFEFD, Samples.counting(32, suite), sessionId, suite, 0, extensions);
              readsBack(hello, hello.encode(), ServerHello::parse);
            });
  }

  @Test
  void certificatesAndRequests() {
    qt().withFixedSeed(SEED)
        .withExamples(1_000)
        .forAll(lists().of(bytes(1, 300)).ofSizeBetween(0, 5), bytes(1, 5), u16s(1, 20))
        .checkAssert(
            (ders, types, schemes) -> {
              CertificateMessage certificates = new CertificateMessage(ders);
              readsBack(certificates, certificates.encode(), CertificateMessage::parse);
              CertificateRequest request = new CertificateRequest(types, schemes, ders);
              readsBack(request, request.encode(), CertificateRequest::parse);
            });
  }

  @Test
  void keyExchangesAndSignatures() {
    qt().withFixedSeed(SEED)
        .withExamples(1_000)
        .forAll(integers().between(0, 0xFFFF), bytes(1, 255), bytes(0, 600))
        .checkAssert(
            (code, point, signature) -> {
              ServerKeyExchange ske = new ServerKeyExchange(code, point, code ^ 0x0403, signature);
              byte[] encoded = ske.encode();
              readsBack(ske, encoded, ServerKeyExchange::parse);
              assertArrayEquals(ske.params(), java.util.Arrays.copyOf(encoded, 4 + point.length));
              ClientKeyExchange cke = new ClientKeyExchange(point);
              readsBack(cke, cke.encode(), ClientKeyExchange::parse);
              CertificateVerify verify = new CertificateVerify(code, signature);
              readsBack(verify, verify.encode(), CertificateVerify::parse);
              HelloVerifyRequest hvr = new HelloVerifyRequest(code, point);
              readsBack(hvr, hvr.encode(), HelloVerifyRequest::parse);
              Finished finished = new Finished(point);
              readsBack(finished, finished.encode(), Finished::parse);
            });
  }

  @Test
  void fragments() {
    qt().withFixedSeed(SEED)
        .withExamples(2_000)
        .forAll(
            integers().between(0, 255),
            integers().between(0, 0xFFFF),
            integers().between(0, 1000),
            bytes(0, 200))
        .checkAssert(
            (type, seq, offset, data) -> {
              HandshakeFragment f =
                  new HandshakeFragment(type, offset + data.length + seq % 7, seq, offset, data);
              readsBack(f, f.encode(), b -> HandshakeFragment.parse(new ByteReader(b)));
            });
  }

  @Test
  void randomBytesNeverThrowAnythingElse() {
    List<Parser<?>> parsers =
        List.of(
            ClientHello::parse,
            ServerHello::parse,
            HelloVerifyRequest::parse,
            CertificateMessage::parse,
            ServerKeyExchange::parse,
            CertificateRequest::parse,
            ClientKeyExchange::parse,
            CertificateVerify::parse,
            Finished::parse,
            b -> Alert.parse(b, 0, b.length),
            b -> HandshakeFragment.parse(new ByteReader(b)),
            b -> Extensions.parseList(new ByteReader(b)),
            Extensions::parseSupportedGroups,
            Extensions::parseEcPointFormats,
            Extensions::parseSignatureAlgorithms,
            Extensions::parseUseSrtp,
            Extensions::parseRenegotiationInfo,
            Extensions::parseSupportedVersionsClient,
            b -> {
              Extensions.parseExtendedMasterSecret(b);
              return b;
            });
    qt().withFixedSeed(SEED)
        .withExamples(5_000)
        .forAll(bytes(0, 80))
        .checkAssert(
            b -> {
              for (Parser<?> p : parsers) {
                try {
                  p.parse(b);
                } catch (ParseException expected) {
                  // refused, the one allowed way
                }
              }
            });
  }

  @Test
  void flippedBitsInTheBrowsersHellosNeverThrowAnythingElse() throws Exception {
    byte[] chromium = BrowserHellos.body(BrowserHellos.CHROMIUM);
    byte[] firefox = BrowserHellos.body(BrowserHellos.FIREFOX);
    qt().withFixedSeed(SEED)
        .withExamples(20_000)
        .forAll(integers().between(0, 1), integers().between(0, 1460), integers().between(0, 7))
        .checkAssert(
            (which, at, bit) -> {
              byte[] b = (which == 0 ? chromium : firefox).clone();
              b[at % b.length] ^= (byte) (1 << bit);
              try {
                ClientHello hello = ClientHello.parse(b);
                assertArrayEquals(b, hello.encode());
              } catch (ParseException expected) {
                // refused, the one allowed way
              }
            });
  }

  private static int extensionBytes(List<Extension> extensions) {
    int n = 0;
    for (Extension e : extensions) {
      n += e.encodedLength();
    }
    return n;
  }
}
