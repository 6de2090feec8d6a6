package org.rtc4j.dtls.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/** Each parser against truncated bytes, wrong inner lengths and trailing bytes. */
class MalformedHandshakeTest {
  /** A parser of a whole body. */
  interface Parser {
    Object parse(byte[] body) throws ParseException;
  }

  private static final Map<String, Parser> PARSERS =
      Map.ofEntries(
          Map.entry("ClientHello", ClientHello::parse),
          Map.entry("ServerHello", ServerHello::parse),
          Map.entry("HelloVerifyRequest", HelloVerifyRequest::parse),
          Map.entry("Certificate", CertificateMessage::parse),
          Map.entry("ServerKeyExchange", ServerKeyExchange::parse),
          Map.entry("CertificateRequest", CertificateRequest::parse),
          Map.entry("ClientKeyExchange", ClientKeyExchange::parse),
          Map.entry("CertificateVerify", CertificateVerify::parse),
          Map.entry("Finished", Finished::parse),
          Map.entry("Alert", b -> Alert.parse(b, 0, b.length)),
          Map.entry(
              "HandshakeFragment",
              b -> {
                ByteReader r = new ByteReader(b);
                HandshakeFragment f = HandshakeFragment.parse(r);
                Vectors.end(r, "record");
                return f;
              }));

  private static final Map<String, byte[]> VALID =
      Map.ofEntries(
          Map.entry("ClientHello", HandshakeRoundTripTest.CLIENT_HELLO),
          Map.entry("ServerHello", HandshakeRoundTripTest.SERVER_HELLO),
          Map.entry("HelloVerifyRequest", HandshakeRoundTripTest.HELLO_VERIFY_REQUEST),
          Map.entry("Certificate", HandshakeRoundTripTest.CERTIFICATE),
          Map.entry("ServerKeyExchange", HandshakeRoundTripTest.SERVER_KEY_EXCHANGE),
          Map.entry("CertificateRequest", HandshakeRoundTripTest.CERTIFICATE_REQUEST),
          Map.entry("ClientKeyExchange", HandshakeRoundTripTest.CLIENT_KEY_EXCHANGE),
          Map.entry("CertificateVerify", HandshakeRoundTripTest.CERTIFICATE_VERIFY),
          Map.entry("Finished", HandshakeRoundTripTest.FINISHED),
          Map.entry("Alert", Hex.bytes("0228")),
          Map.entry("HandshakeFragment", Hex.bytes("14 00000c 0004 000006 000006 0c0d0e0f1011")));

  private static ParseException rejects(String parser, byte[] bytes) {
    return assertThrows(
        ParseException.class,
        () -> PARSERS.get(parser).parse(bytes),
        () -> parser + " accepted " + Hex.of(bytes));
  }

  /** Where the extension block starts in a sample hello: the bytes before it make a hello too. */
  private static int extensionBlockStart(String parser, byte[] valid) {
    // The samples' blocks hold 0x30 bytes (ClientHello) and 0x18 (ServerHello), after their u16
    // length.
    return valid.length - 2 - (parser.equals("ClientHello") ? 0x30 : 0x18);
  }

  @Test
  void everyTruncationIsRefused() throws ParseException {
    int checked = 0;
    for (String parser : PARSERS.keySet()) {
      byte[] valid = VALID.get(parser);
      PARSERS.get(parser).parse(valid);
      for (int n = 0; n < valid.length; n++) {
        byte[] cut = Arrays.copyOf(valid, n);
        boolean hello = parser.equals("ClientHello") || parser.equals("ServerHello");
        if (hello && n == extensionBlockStart(parser, valid)) {
          // RFC 5246 §7.4.1.2: a hello may end before its extensions, and is then a hello
          // without them.
          Object shorter = PARSERS.get(parser).parse(cut);
          assertTrue(shorter.toString().endsWith("extensions []]"), shorter.toString());
        } else if (parser.equals("Finished") && n > 0) {
          // Finished has no length field: a shorter body is a shorter verify_data, which the
          // caller's comparison refuses.
          assertEquals(n, Finished.parse(cut).verifyData().length);
        } else {
          rejects(parser, cut);
          checked++;
        }
      }
    }
    assertTrue(checked > 500, "truncations checked: " + checked);
  }

  @Test
  void everyTruncationOfTheBrowsersHellosIsRefused() throws Exception {
    for (String fixture : List.of(BrowserHellos.CHROMIUM, BrowserHellos.FIREFOX)) {
      byte[] body = BrowserHellos.body(fixture);
      ClientHello hello = ClientHello.parse(body);
      int withoutExtensions = body.length - 2 - extensionsLength(hello);
      for (int n = 0; n < body.length; n++) {
        byte[] cut = Arrays.copyOf(body, n);
        if (n == withoutExtensions) {
          assertEquals(List.of(), ClientHello.parse(cut).extensions());
        } else {
          rejects("ClientHello", cut);
        }
      }
    }
  }

  private static int extensionsLength(ClientHello hello) {
    int length = 0;
    for (Extension e : hello.extensions()) {
      length += e.encodedLength();
    }
    return length;
  }

  @Test
  void trailingBytesAreRefused() {
    for (String parser : PARSERS.keySet()) {
      if (parser.equals("Finished")) {
        continue; // its body is all verify_data
      }
      byte[] valid = VALID.get(parser);
      for (int extra = 1; extra <= 3; extra++) {
        ParseException e = rejects(parser, Arrays.copyOf(valid, valid.length + extra));
        assertTrue(e.offset() >= valid.length - 4, parser + ": " + e.getMessage());
      }
    }
  }

  @Test
  void wrongInnerLengthsAreRefused() {
    // Each entry: a parser, a valid body, the offset of a length field in it, and its width.
    // Both one more and one less than the true length must fail.
    record Field(String parser, int offset, int width) {}
    int sid = 34;
    List<Field> fields =
        List.of(
            new Field("ClientHello", sid, 1), // session_id
            new Field("ClientHello", sid + 1, 1), // cookie
            new Field("ClientHello", sid + 18, 2), // cipher_suites
            new Field("ClientHello", sid + 26, 1), // compression_methods
            new Field("ClientHello", sid + 28, 2), // extensions
            new Field("ClientHello", sid + 32, 2), // extended_master_secret's data
            new Field("ClientHello", sid + 36, 2), // renegotiation_info's data
            new Field("ServerHello", sid, 1), // session_id
            new Field("ServerHello", sid + 36, 2), // extensions
            new Field("ServerHello", sid + 40, 2), // extended_master_secret's data
            new Field("HelloVerifyRequest", 2, 1),
            new Field("Certificate", 0, 3),
            new Field("Certificate", 3, 3),
            new Field("Certificate", 11, 3),
            new Field("ServerKeyExchange", 3, 1),
            new Field("ServerKeyExchange", 38, 2),
            new Field("CertificateRequest", 0, 1),
            new Field("CertificateRequest", 3, 2),
            new Field("CertificateRequest", 9, 2),
            new Field("CertificateRequest", 11, 2),
            new Field("ClientKeyExchange", 0, 1),
            new Field("CertificateVerify", 2, 2),
            new Field("HandshakeFragment", 9, 3));
    for (Field f : fields) {
      for (int delta : new int[] {1, -1}) {
        byte[] b = VALID.get(f.parser()).clone();
        int last = f.offset() + f.width() - 1;
        int value = 0;
        for (int i = f.offset(); i <= last; i++) {
          value = (value << 8) | (b[i] & 0xFF);
        }
        value += delta;
        for (int i = last; i >= f.offset(); i--, value >>>= 8) {
          b[i] = (byte) value;
        }
        rejects(f.parser(), b);
      }
    }
  }

  @Test
  void vectorBoundsAreEnforced() {
    String random = Hex.of(new byte[32]);
    // A session id of 33 bytes (RFC 5246 §7.4.1.2: at most 32).
    rejects(
        "ClientHello",
        Hex.bytes("fefd" + random + "21" + Hex.of(new byte[33]) + "00 0002 c02b 01 00"));
    // An odd-length cipher suite list, an empty one, and no compression methods.
    rejects("ClientHello", Hex.bytes("fefd" + random + "00 00 0003 c02b00 01 00"));
    rejects("ClientHello", Hex.bytes("fefd" + random + "00 00 0000 01 00"));
    rejects("ClientHello", Hex.bytes("fefd" + random + "00 00 0002 c02b 00"));
    // The same extension twice (RFC 5246 §7.4.1.4).
    ParseException twice =
        rejects(
            "ClientHello",
            Hex.bytes("fefd" + random + "00 00 0002 c02b 01 00 0008 0017 0000 0017 0000"));
    assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    // An extension that overruns its block, and a block with a stray byte.
    rejects("ClientHello", Hex.bytes("fefd" + random + "00 00 0002 c02b 01 00 0004 0017 0001"));
    rejects("ClientHello", Hex.bytes("fefd" + random + "00 00 0002 c02b 01 00 0005 0017 0000 00"));
    rejects("ServerHello", Hex.bytes("fefd" + random + "21" + Hex.of(new byte[33]) + "c02b 00"));
    // An empty certificate in the list, an empty distinguished name.
    rejects("Certificate", Hex.bytes("000006 000000 000000"));
    rejects("Certificate", Hex.bytes("000002 0000"));
    rejects("CertificateRequest", Hex.bytes("01 40 0002 0403 0002 0000"));
    rejects("CertificateRequest", Hex.bytes("00 0002 0403 0000"));
    rejects("CertificateRequest", Hex.bytes("01 40 0000 0000"));
    rejects("CertificateRequest", Hex.bytes("01 40 0003 040300 0000"));
    // curve_type explicit_prime, an empty point.
    ParseException explicit = rejects("ServerKeyExchange", Hex.bytes("01 001d 01 00 0403 0000"));
    assertEquals(0, explicit.offset());
    rejects("ServerKeyExchange", Hex.bytes("03 001d 00 0403 0000"));
    rejects("ClientKeyExchange", Hex.bytes("00"));
    // A fragment that reaches past its message.
    rejects("HandshakeFragment", Hex.bytes("14 000004 0000 000002 000003 010203"));
    rejects("Alert", Hex.bytes("020202"));
  }

  @Test
  void extensionDataIsChecked() {
    List<Parser> parsers =
        List.of(
            Extensions::parseSupportedGroups,
            Extensions::parseEcPointFormats,
            Extensions::parseSignatureAlgorithms,
            Extensions::parseUseSrtp,
            Extensions::parseRenegotiationInfo,
            Extensions::parseSupportedVersionsClient);
    List<byte[]> valid =
        List.of(
            Hex.bytes("0004 001d 0017"),
            Hex.bytes("01 00"),
            Hex.bytes("0004 0403 0804"),
            Hex.bytes("0004 0007 0001 00"),
            Hex.bytes("00"),
            Hex.bytes("04 fefc fefd"));
    for (int i = 0; i < parsers.size(); i++) {
      Parser p = parsers.get(i);
      byte[] good = valid.get(i);
      for (int n = 0; n < good.length; n++) {
        byte[] cut = Arrays.copyOf(good, n);
        assertThrows(ParseException.class, () -> p.parse(cut), Hex.of(cut));
      }
      byte[] longer = Arrays.copyOf(good, good.length + 1);
      assertThrows(ParseException.class, () -> p.parse(longer), Hex.of(longer));
    }
    // Empty lists, odd lengths.
    for (String data : List.of("0000", "0003 001d00", "00")) {
      assertThrows(
          ParseException.class, () -> Extensions.parseSupportedGroups(Hex.bytes(data)), data);
      assertThrows(
          ParseException.class, () -> Extensions.parseSignatureAlgorithms(Hex.bytes(data)), data);
      assertThrows(ParseException.class, () -> Extensions.parseUseSrtp(Hex.bytes(data)), data);
    }
    assertThrows(ParseException.class, () -> Extensions.parseEcPointFormats(Hex.bytes("00")));
    assertThrows(
        ParseException.class, () -> Extensions.parseSupportedVersionsClient(Hex.bytes("00")));
    assertThrows(
        ParseException.class, () -> Extensions.parseSupportedVersionsClient(Hex.bytes("03fefcfe")));
    assertThrows(ParseException.class, () -> Extensions.parseExtendedMasterSecret(Hex.bytes("00")));
  }

  @Test
  void encodersRefuseWhatCannotBeEncoded() {
    assertThrows(
        IllegalArgumentException.class, () -> Samples.clientHello().withCookie(new byte[256]));
    assertThrows(
        IllegalArgumentException.class, () -> new HelloVerifyRequest(0x10000, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new ClientKeyExchange(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new Finished(new byte[0]));
    assertThrows(
        IllegalArgumentException.class, () -> new CertificateMessage(List.of(new byte[0])));
    assertThrows(IllegalArgumentException.class, () -> new Alert(256, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new HandshakeFragment(1, 4, 0, 2, new byte[3]));
    assertThrows(IllegalArgumentException.class, () -> HandshakeFragment.header(1, 4, 0, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> Extensions.supportedGroups());
    assertThrows(
        IllegalArgumentException.class, () -> Extensions.useSrtp(new int[] {1}, new byte[256]));
    Extension ems = Extensions.extendedMasterSecret();
    ClientHello hello = Samples.clientHello();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ClientHello(
                hello.version(),
                hello.random(),
                hello.sessionId(),
                hello.cookie(),
                hello.cipherSuites(),
                hello.compressionMethods(),
                List.of(ems, ems)));
  }

  @Test
  void theLargestVectorsParseAndEncodeBack() throws ParseException {
    // 32767 cipher suites: a cipher_suites vector of 2^16-2 bytes.
    int[] suites = new int[32767];
    Arrays.fill(suites, 0xC02B);
    ClientHello hello = Samples.clientHello();
    ClientHello big =
        new ClientHello(
            hello.version(),
            hello.random(),
            hello.sessionId(),
            new byte[255],
            suites,
            new byte[255],
            hello.extensions());
    assertEquals(big, ClientHello.parse(big.encode()));

    // use_srtp data of exactly 2^16-1 bytes: 32766 profiles and an empty MKI.
    byte[] srtp = new byte[0xFFFF];
    srtp[0] = (byte) 0xFF;
    srtp[1] = (byte) 0xFC;
    UseSrtp use = Extensions.parseUseSrtp(srtp);
    assertEquals(32766, use.profiles().length);
    assertArrayEquals(srtp, Extensions.useSrtp(use.profiles(), use.mki()).data());

    // supported_groups of 32766 groups fills extension_data.
    byte[] groups = new byte[0xFFFF - 1];
    groups[0] = (byte) 0xFF;
    groups[1] = (byte) 0xFC;
    assertArrayEquals(
        groups, Extensions.supportedGroups(Extensions.parseSupportedGroups(groups)).data());

    // A Certificate body of 2^24-1 bytes, one certificate in it.
    byte[] body = new byte[0xFF_FFFF];
    body[0] = (byte) 0xFF;
    body[1] = (byte) 0xFF;
    body[2] = (byte) 0xFC;
    body[3] = (byte) 0xFF;
    body[4] = (byte) 0xFF;
    body[5] = (byte) 0xF9;
    CertificateMessage certificate = CertificateMessage.parse(body);
    assertArrayEquals(body, certificate.encode());
  }

  @Test
  void inputsLongerThanTheirLengthFieldsAllowAreRefused() {
    byte[] tooLongForExtensionData = new byte[0x10000];
    tooLongForExtensionData[0] = (byte) 0xFF;
    tooLongForExtensionData[1] = (byte) 0xFE;
    assertThrows(ParseException.class, () -> Extensions.parseUseSrtp(tooLongForExtensionData));
    assertThrows(
        ParseException.class, () -> Extensions.parseSupportedGroups(tooLongForExtensionData));
    byte[] tooLongForABody = new byte[0x100_0000];
    assertThrows(ParseException.class, () -> Finished.parse(tooLongForABody));
    assertThrows(ParseException.class, () -> CertificateMessage.parse(tooLongForABody));
    assertThrows(ParseException.class, () -> ClientHello.parse(tooLongForABody));
  }
}
