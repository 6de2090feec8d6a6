package org.rtc4j.dtls.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Every message against bytes written out by hand from the RFCs' grammar: the bytes parse to the
 * expected value, the value encodes to the same bytes, and encoding then parsing gives an equal
 * value.
 */
class HandshakeRoundTripTest {
  private static String counting(int length, int start) {
    return Hex.of(Samples.counting(length, start));
  }

  static final byte[] CLIENT_HELLO =
      Hex.bytes(
          "fefd"
              + counting(32, 0)
              + "00" // session_id
              + "10"
              + counting(16, 0xA0) // cookie
              + "0006 c02b c02f cca9" // cipher_suites
              + "01 00" // compression_methods
              + "0030" // extensions
              + "0017 0000" // extended_master_secret
              + "ff01 0001 00" // renegotiation_info
              + "000a 0006 0004 001d 0017" // supported_groups
              + "000b 0002 0100" // ec_point_formats
              + "000e 0007 0004 0007 0001 00" // use_srtp
              + "000d 0008 0006 0403 0804 0401"); // signature_algorithms

  static final byte[] SERVER_HELLO =
      Hex.bytes(
          "fefd"
              + counting(32, 0x40)
              + "20"
              + counting(32, 0x80)
              + "c02b 00"
              + "0018"
              + "0017 0000"
              + "ff01 0001 00"
              + "000b 0002 0100"
              + "000e 0005 0002 0007 00");

  static final byte[] HELLO_VERIFY_REQUEST = Hex.bytes("feff 14" + counting(20, 0x10));

  static final byte[] CERTIFICATE = Hex.bytes("00000e 000005 3031323334 000003 313233");

  static final byte[] SERVER_KEY_EXCHANGE =
      Hex.bytes("03 001d 20" + counting(32, 0x55) + "0403 0046" + counting(70, 0x30));

  static final byte[] CERTIFICATE_REQUEST = Hex.bytes("02 4001 0004 0403 0804 0006 0004 30313233");

  static final byte[] CLIENT_KEY_EXCHANGE = Hex.bytes("41" + counting(65, 0x04));

  static final byte[] CERTIFICATE_VERIFY = Hex.bytes("0403 0047" + counting(71, 0x30));

  static final byte[] FINISHED = Hex.bytes(counting(12, 0xF0));

  @Test
  void clientHello() throws ParseException {
    ClientHello hello = ClientHello.parse(CLIENT_HELLO);
    assertEquals(Samples.clientHello(), hello);
    assertArrayEquals(CLIENT_HELLO, hello.encode());
    assertEquals(hello.hashCode(), Samples.clientHello().hashCode());
    assertArrayEquals(
        new int[] {0x001D, 0x0017},
        Extensions.parseSupportedGroups(hello.extension(ExtensionType.SUPPORTED_GROUPS).data()));
    assertNull(hello.extension(ExtensionType.KEY_SHARE));
    assertTrue(hello.offersCipherSuite(0xCCA9));
    assertFalse(hello.offersCipherSuite(0xC030));
    assertTrue(hello.toString().contains("c02b"), hello.toString());
  }

  @Test
  void clientHelloWithoutExtensions() throws ParseException {
    byte[] bytes = Hex.bytes("fefd" + counting(32, 0) + "00 00 0002 c02b 01 00");
    ClientHello hello = ClientHello.parse(bytes);
    assertEquals(List.of(), hello.extensions());
    assertArrayEquals(bytes, hello.encode(), "no extensions: no extension block");
    // RFC 5246 §7.4.1.2: an empty block is legal too, and means the same.
    byte[] emptyBlock = Hex.bytes(Hex.of(bytes) + "0000");
    assertEquals(hello, ClientHello.parse(emptyBlock));
  }

  @Test
  void withCookieReplacesOnlyTheCookie() throws ParseException {
    ClientHello first = Samples.clientHello().withCookie(new byte[0]);
    ClientHello second = first.withCookie(Samples.counting(16, 0xA0));
    assertEquals(Samples.clientHello(), second);
    assertNotEquals(first, second);
    assertEquals(CLIENT_HELLO.length - 16, first.encode().length);
    assertEquals(first, ClientHello.parse(first.encode()));
  }

  @Test
  void serverHello() throws ParseException {
    ServerHello hello = ServerHello.parse(SERVER_HELLO);
    assertEquals(Samples.serverHello(), hello);
    assertArrayEquals(SERVER_HELLO, hello.encode());
    assertEquals(hello.hashCode(), Samples.serverHello().hashCode());
    assertEquals(0xC02B, hello.cipherSuite());
    UseSrtp srtp = Extensions.parseUseSrtp(hello.extension(ExtensionType.USE_SRTP).data());
    assertArrayEquals(new int[] {7}, srtp.profiles());
    assertTrue(srtp.offers(7));
    assertFalse(srtp.offers(1));
  }

  @Test
  void serverHelloWithoutExtensions() throws ParseException {
    byte[] bytes = Hex.bytes("fefd" + counting(32, 0) + "00 c02f 00");
    ServerHello hello = ServerHello.parse(bytes);
    assertEquals(List.of(), hello.extensions());
    assertArrayEquals(bytes, hello.encode());
  }

  @Test
  void helloVerifyRequest() throws ParseException {
    HelloVerifyRequest request = HelloVerifyRequest.parse(HELLO_VERIFY_REQUEST);
    assertEquals(Samples.helloVerifyRequest(), request);
    assertArrayEquals(HELLO_VERIFY_REQUEST, request.encode());
    assertEquals(0xFEFF, request.version());
    byte[] longest = new HelloVerifyRequest(0xFEFD, new byte[255]).encode();
    assertEquals(255, HelloVerifyRequest.parse(longest).cookie().length);
  }

  @Test
  void certificate() throws ParseException {
    CertificateMessage message = CertificateMessage.parse(CERTIFICATE);
    assertEquals(Samples.certificateMessage(), message);
    assertArrayEquals(CERTIFICATE, message.encode());
    assertEquals(message.hashCode(), Samples.certificateMessage().hashCode());
    // A client without a certificate sends an empty list (RFC 5246 §7.4.6).
    CertificateMessage none = CertificateMessage.parse(Hex.bytes("000000"));
    assertEquals(List.of(), none.certificates());
    assertArrayEquals(Hex.bytes("000000"), none.encode());
  }

  @Test
  void serverKeyExchange() throws ParseException {
    ServerKeyExchange ske = ServerKeyExchange.parse(SERVER_KEY_EXCHANGE);
    assertEquals(Samples.serverKeyExchange(), ske);
    assertArrayEquals(SERVER_KEY_EXCHANGE, ske.encode());
    byte[] params = Hex.bytes("03 001d 20" + counting(32, 0x55));
    assertArrayEquals(params, ske.params());
    assertArrayEquals(params, ServerKeyExchange.params(0x001D, Samples.counting(32, 0x55)));
  }

  @Test
  void certificateRequest() throws ParseException {
    CertificateRequest request = CertificateRequest.parse(CERTIFICATE_REQUEST);
    assertEquals(Samples.certificateRequest(), request);
    assertArrayEquals(CERTIFICATE_REQUEST, request.encode());
    byte[] noAuthorities = Hex.bytes("01 40 0002 0403 0000");
    CertificateRequest bare = CertificateRequest.parse(noAuthorities);
    assertEquals(List.of(), bare.authorities());
    assertArrayEquals(noAuthorities, bare.encode());
  }

  @Test
  void clientKeyExchange() throws ParseException {
    ClientKeyExchange cke = ClientKeyExchange.parse(CLIENT_KEY_EXCHANGE);
    assertEquals(Samples.clientKeyExchange(), cke);
    assertArrayEquals(CLIENT_KEY_EXCHANGE, cke.encode());
  }

  @Test
  void certificateVerify() throws ParseException {
    CertificateVerify verify = CertificateVerify.parse(CERTIFICATE_VERIFY);
    assertEquals(Samples.certificateVerify(), verify);
    assertArrayEquals(CERTIFICATE_VERIFY, verify.encode());
  }

  @Test
  void finished() throws ParseException {
    Finished finished = Finished.parse(FINISHED);
    assertEquals(Samples.finished(), finished);
    assertArrayEquals(FINISHED, finished.encode());
    assertTrue(finished.matches(Samples.counting(12, 0xF0)));
    assertFalse(finished.matches(Samples.counting(12, 0xF1)));
    assertFalse(finished.matches(Samples.counting(11, 0xF0)));
  }

  @Test
  void alert() throws ParseException {
    Alert alert = Alert.parse(Hex.bytes("55 0228 55"), 1, 2);
    assertEquals(Alert.fatal(Alert.HANDSHAKE_FAILURE), alert);
    assertTrue(alert.isFatal());
    assertArrayEquals(Hex.bytes("0228"), alert.encode());
    assertEquals("Alert[fatal handshake_failure]", alert.toString());
    Alert close = Alert.parse(Hex.bytes("0100"), 0, 2);
    assertEquals(Alert.warning(Alert.CLOSE_NOTIFY), close);
    assertFalse(close.isFatal());
    assertEquals("bad_record_mac", Alert.describe(Alert.BAD_RECORD_MAC));
    assertEquals("unsupported_extension", Alert.describe(Alert.UNSUPPORTED_EXTENSION));
    assertEquals("alert 255", Alert.describe(255));
    // An unknown level parses, and ends the connection like a fatal one.
    Alert odd = Alert.parse(Hex.bytes("0700"), 0, 2);
    assertEquals(7, odd.level());
    assertTrue(odd.isFatal());
    assertEquals("Alert[level 7 close_notify]", odd.toString());
  }

  @Test
  void handshakeFragments() throws ParseException {
    // A ServerHelloDone (empty body) and half of a Finished, back to back in one record.
    byte[] record =
        Hex.bytes("0e 000000 0003 000000 000000" + "14 00000c 0004 000006 000006 0c0d0e0f1011");
    ByteReader r = new ByteReader(record);
    HandshakeFragment done = HandshakeFragment.parse(r);
    assertEquals(HandshakeType.SERVER_HELLO_DONE, HandshakeType.fromCode(done.type()));
    assertTrue(done.isComplete());
    assertEquals(3, done.messageSeq());
    assertEquals(HandshakeFragment.HEADER_LENGTH, r.position());
    HandshakeFragment half = HandshakeFragment.parse(r);
    assertFalse(r.hasRemaining());
    assertEquals(new HandshakeFragment(20, 12, 4, 6, Hex.bytes("0c0d0e0f1011")), half);
    assertFalse(half.isComplete());
    assertEquals(6, half.fragmentLength());

    ByteWriter w = ByteWriter.growable(0, 100);
    done.write(w);
    half.write(w);
    assertArrayEquals(record, w.toByteArray());
    assertArrayEquals(
        Hex.bytes("14 00000c 0004 000006 000006"), HandshakeFragment.header(20, 12, 4, 6, 6));
    HandshakeFragment whole = HandshakeFragment.whole(20, 4, Samples.counting(12, 0));
    assertTrue(whole.isComplete());
    assertEquals(whole, HandshakeFragment.parse(new ByteReader(whole.encode())));
  }

  @Test
  void handshakeTypes() {
    for (HandshakeType t : HandshakeType.values()) {
      assertEquals(t, HandshakeType.fromCode(t.code()));
    }
    assertEquals(HandshakeType.HELLO_VERIFY_REQUEST, HandshakeType.fromCode(3));
    assertEquals(20, HandshakeType.FINISHED.code());
    assertNull(HandshakeType.fromCode(4));
    assertNull(HandshakeType.fromCode(-1));
  }

  @Test
  void extensionBuilders() throws ParseException {
    assertArrayEquals(Hex.bytes("0100"), Extensions.ecPointFormats().data());
    assertArrayEquals(new byte[0], Extensions.extendedMasterSecret().data());
    assertArrayEquals(Hex.bytes("00"), Extensions.renegotiationInfo(new byte[0]).data());
    assertArrayEquals(
        Hex.bytes("03 010203"), Extensions.renegotiationInfo(Hex.bytes("010203")).data());
    assertArrayEquals(
        Hex.bytes("010203"), Extensions.parseRenegotiationInfo(Hex.bytes("03010203")));
    assertArrayEquals(
        Hex.bytes("0004 0007 0001 02 abcd"),
        Extensions.useSrtp(new int[] {7, 1}, Hex.bytes("abcd")).data());
    assertEquals(
        new UseSrtp(new int[] {7, 1}, Hex.bytes("abcd")),
        Extensions.parseUseSrtp(Hex.bytes("0004 0007 0001 02 abcd")));
    assertArrayEquals(
        Hex.bytes("04 fefc fefd"), Extensions.supportedVersionsClient(0xFEFC, 0xFEFD).data());
    assertArrayEquals(
        new int[] {0xFEFC, 0xFEFD},
        Extensions.parseSupportedVersionsClient(Hex.bytes("04fefcfefd")));
    assertArrayEquals(
        Hex.bytes("0004 0403 0804"), Extensions.signatureAlgorithms(0x0403, 0x0804).data());
    assertEquals(ExtensionType.SUPPORTED_GROUPS, Extensions.supportedGroups(0x1d).type());
    assertEquals("use_srtp", ExtensionType.name(ExtensionType.USE_SRTP));
    assertEquals("renegotiation_info", ExtensionType.name(0xFF01));
  }

  @Test
  void extensionList() throws ParseException {
    List<Extension> list =
        List.of(Extensions.extendedMasterSecret(), new Extension(0x1234, Hex.bytes("abcdef")));
    ByteWriter w = ByteWriter.growable(0, 100);
    Extensions.writeList(w, list);
    byte[] bytes = w.toByteArray();
    assertArrayEquals(Hex.bytes("000b 0017 0000 1234 0003 abcdef"), bytes);
    ByteReader r = new ByteReader(Hex.bytes(Hex.of(bytes) + "ff"));
    assertEquals(list, Extensions.parseList(r));
    assertEquals(1, r.remaining(), "leaves the reader after the block");
    assertEquals(list.get(1), Extensions.find(list, 0x1234));
    assertNull(Extensions.find(list, 0x1235));
  }

  @Test
  void valuesCopyTheirArrays() {
    byte[] cookie = Samples.counting(4, 0);
    HelloVerifyRequest request = new HelloVerifyRequest(0xFEFF, cookie);
    cookie[0] = 99;
    request.cookie()[1] = 99;
    assertArrayEquals(Samples.counting(4, 0), request.cookie());
    CertificateMessage certificates = Samples.certificateMessage();
    certificates.certificates().get(0)[0] = 99;
    assertEquals(Samples.certificateMessage(), certificates);
  }
}
