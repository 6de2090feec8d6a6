package org.rtc4j.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.attributes.Fingerprint;
import org.rtc4j.stun.attributes.IceControlled;
import org.rtc4j.stun.attributes.MessageIntegrity;
import org.rtc4j.stun.attributes.Nonce;
import org.rtc4j.stun.attributes.Priority;
import org.rtc4j.stun.attributes.Realm;
import org.rtc4j.stun.attributes.Software;
import org.rtc4j.stun.attributes.Username;
import org.rtc4j.stun.attributes.XorMappedAddress;

/**
 * The test vectors of RFC 5769 ("Test Vectors for STUN"), typed in from the RFC's hex dumps.
 * Sections 2.1 to 2.3 pad SOFTWARE and USERNAME with spaces (0x20), which a receiver must accept;
 * our encoder pads with zeros, so those vectors are checked by decoding and by integrity, and 2.4
 * (zero padding) also byte for byte.
 */
class Rfc5769Test {
  static final String SHORT_TERM_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";

  static final byte[] SAMPLE_REQUEST =
      Hex.bytes(
          """
          00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
          80 22 00 10 53 54 55 4e 20 74 65 73 74 20 63 6c 69 65 6e 74
          00 24 00 04 6e 00 01 ff
          80 29 00 08 93 2f f9 b1 51 26 3b 36
          00 06 00 09 65 76 74 6a 3a 68 36 76 59 20 20 20
          00 08 00 14 9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49 c1 b5 71 a2
          80 28 00 04 e5 7a 3b cf
          """);

  static final byte[] SAMPLE_IPV4_RESPONSE =
      Hex.bytes(
          """
          01 01 00 3c 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
          80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
          00 20 00 08 00 01 a1 47 e1 12 a6 43
          00 08 00 14 2b 91 f5 99 fd 9e 90 c3 8c 74 89 f9 2a f9 ba 53 f0 6b e7 d7
          80 28 00 04 c0 7d 4c 96
          """);

  static final byte[] SAMPLE_IPV6_RESPONSE =
      Hex.bytes(
          """
          01 01 00 48 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
          80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
          00 20 00 14 00 02 a1 47 01 13 a9 fa a5 d3 f1 79 bc 25 f4 b5 be d2 b9 d9
          00 08 00 14 a3 82 95 4e 4b e6 7b f1 17 84 c9 7c 82 92 c2 75 bf e3 ed 41
          80 28 00 04 c8 fb 0b 4c
          """);

  static final byte[] LONG_TERM_REQUEST =
      Hex.bytes(
          """
          00 01 00 60 21 12 a4 42 78 ad 34 33 c6 ad 72 c0 29 da 41 2e
          00 06 00 12 e3 83 9e e3 83 88 e3 83 aa e3 83 83 e3 82 af e3 82 b9 00 00
          00 15 00 1c 66 2f 2f 34 39 39 6b 39 35 34 64 36 4f 4c 33 34 6f 4c 39 46 53 54 76 79 36 34 73 41
          00 14 00 0b 65 78 61 6d 70 6c 65 2e 6f 72 67 00
          00 08 00 14 f6 70 24 65 6d d6 4a 3e 02 b8 e0 71 2e 85 c9 a2 8c a8 96 66
          """);

  static final TransactionId VECTOR_TRANSACTION =
      TransactionId.of(Hex.bytes("b7 e7 a7 01 bc 34 d6 86 fa 87 df ae"));

  @Test
  void sampleRequest() throws ParseException {
    StunMessage m = StunMessage.decode(SAMPLE_REQUEST);
    assertEquals(MessageType.BINDING_REQUEST, m.type());
    assertEquals(VECTOR_TRANSACTION, m.transactionId());
    assertEquals("STUN test client", m.attribute(Software.class).orElseThrow().value());
    assertEquals(0x6e0001ffL, m.attribute(Priority.class).orElseThrow().priority());
    assertEquals(0x932ff9b151263b36L, m.attribute(IceControlled.class).orElseThrow().tiebreaker());
    assertEquals("evtj:h6vY", m.attribute(Username.class).orElseThrow().value());
    assertTrue(m.has(Fingerprint.class));
    assertTrue(m.verifyIntegrity(StunCredentials.shortTermKey(SHORT_TERM_PASSWORD)));
    assertFalse(m.verifyIntegrity(StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBu")));
    assertTrue(StunMessage.isStun(SAMPLE_REQUEST, 0, SAMPLE_REQUEST.length));
  }

  @Test
  void sampleIpv4Response() throws Exception {
    StunMessage m = StunMessage.decode(SAMPLE_IPV4_RESPONSE);
    assertEquals(MessageType.BINDING_SUCCESS, m.type());
    assertEquals("test vector", m.attribute(Software.class).orElseThrow().value());
    assertEquals(
        new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853),
        m.attribute(XorMappedAddress.class).orElseThrow().address());
    assertTrue(m.verifyIntegrity(StunCredentials.shortTermKey(SHORT_TERM_PASSWORD)));
  }

  @Test
  void sampleIpv6Response() throws Exception {
    StunMessage m = StunMessage.decode(SAMPLE_IPV6_RESPONSE);
    assertEquals(
        new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
        m.attribute(XorMappedAddress.class).orElseThrow().address());
    assertTrue(m.verifyIntegrity(StunCredentials.shortTermKey(SHORT_TERM_PASSWORD)));
  }

  @Test
  void xorMappedAddressEncodesToTheVectorsBytes() throws Exception {
    // The XOR-MAPPED-ADDRESS attribute alone, re-encoded: identical to the vectors' bytes.
    byte[] v4 =
        StunMessage.builder(MessageType.BINDING_SUCCESS, VECTOR_TRANSACTION)
            .add(new XorMappedAddress(new InetSocketAddress("192.0.2.1", 32853)))
            .encode();
    assertEquals("0020000800 01a147e112a643".replace(" ", ""), Hex.of(v4).substring(40));
    byte[] v6 =
        StunMessage.builder(MessageType.BINDING_SUCCESS, VECTOR_TRANSACTION)
            .add(
                new XorMappedAddress(
                    new InetSocketAddress(
                        InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853)))
            .encode();
    assertEquals("002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9", Hex.of(v6).substring(40));
  }

  @Test
  void sampleRequestReencodesWithZeroPaddingAndStillVerifies() throws ParseException {
    byte[] key = StunCredentials.shortTermKey(SHORT_TERM_PASSWORD);
    StunMessage original = StunMessage.decode(SAMPLE_REQUEST);
    byte[] again = original.toBuilder().integrity(key).fingerprint().encode();
    assertEquals(SAMPLE_REQUEST.length, again.length);
    StunMessage decoded = StunMessage.decode(again);
    assertEquals(original.attribute(Username.class), decoded.attribute(Username.class));
    assertTrue(decoded.verifyIntegrity(key));
  }

  @Test
  void longTermCredentialsWithSaslprep() throws ParseException {
    String username = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9"; // マトリックス
    String password = "The\u00ADM\u00AAtr\u2168"; // "TheMatrIX" after SASLprep
    assertEquals("TheMatrIX", Saslprep.prepare(password));

    StunMessage m = StunMessage.decode(LONG_TERM_REQUEST);
    assertEquals(new TransactionId[] {m.transactionId()}.length, 1);
    assertEquals(username, m.attribute(Username.class).orElseThrow().value());
    assertEquals("f//499k954d6OL34oL9FSTvy64sA", m.attribute(Nonce.class).orElseThrow().value());
    assertEquals("example.org", m.attribute(Realm.class).orElseThrow().value());
    assertFalse(m.has(Fingerprint.class));

    byte[] key = StunCredentials.longTermKey(username, "example.org", password);
    assertTrue(m.verifyIntegrity(key));
    assertFalse(m.verifyIntegrity(StunCredentials.longTermKey(username, "example.org", "x")));

    // Built again from its parts, it comes out byte for byte.
    byte[] rebuilt =
        StunMessage.builder(MessageType.BINDING_REQUEST, m.transactionId())
            .add(new Username(username))
            .add(new Nonce("f//499k954d6OL34oL9FSTvy64sA"))
            .add(new Realm("example.org"))
            .integrity(key)
            .encode();
    assertArrayEquals(LONG_TERM_REQUEST, rebuilt);
    assertEquals(
        20, m.attribute(MessageIntegrity.class).orElseThrow().value().length, "HMAC-SHA1 length");
    assertEquals(18, username.getBytes(StandardCharsets.UTF_8).length);
  }
}
