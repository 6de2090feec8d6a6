package org.rtc4j.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.stun.attributes.Data;
import org.rtc4j.stun.attributes.Software;
import org.rtc4j.stun.attributes.UnknownAttribute;
import org.rtc4j.stun.attributes.Username;

class MalformedInputTest {
  static final TransactionId ID = TransactionId.random(RandomSource.seeded(1));

  static byte[] valid() {
    return StunMessage.builder(MessageType.BINDING_REQUEST, ID)
        .add(new Username("abc:def"))
        .add(new Software("x"))
        .fingerprint()
        .encode();
  }

  private static ParseException rejects(byte[] bytes) {
    return assertThrows(ParseException.class, () -> StunMessage.decode(bytes));
  }

  @Test
  void truncatedAtEveryLength() {
    byte[] good = valid();
    for (int n = 0; n < good.length; n++) {
      rejects(Arrays.copyOf(good, n));
    }
  }

  @Test
  void badHeader() {
    byte[] b = valid();
    b[0] |= (byte) 0x80;
    assertTrue(rejects(b).getMessage().contains("top bits"));
    b = valid();
    b[5] ^= 1;
    assertTrue(rejects(b).getMessage().contains("magic cookie"));
    b = valid();
    b[3] += 1; // not a multiple of 4
    assertEquals(2, rejects(b).offset());
    b = valid();
    b[3] += 4; // claims more than is there
    rejects(b);
    byte[] longer = Arrays.copyOf(valid(), valid().length + 4); // trailing bytes
    rejects(longer);
  }

  @Test
  void attributeOverrunsMessage() {
    byte[] b = valid();
    b[22] = 0x01; // USERNAME length 0x0107: far beyond the message
    ParseException e = rejects(b);
    assertEquals(20, e.offset(), "the offending attribute's offset");
  }

  @Test
  void attributeWithoutItsPadding() {
    // USERNAME of 7 bytes needs 1 byte of padding; drop it and fix the length field.
    byte[] b =
        StunMessage.builder(MessageType.BINDING_REQUEST, ID).add(new Username("abc:def")).encode();
    byte[] cut = Arrays.copyOf(b, b.length - 1);
    cut[3] -= 1;
    rejects(cut);
  }

  @Test
  void malformedValuesOfKnownAttributes() {
    // XOR-MAPPED-ADDRESS with family 3, ERROR-CODE with class 2, PRIORITY of 3 bytes.
    for (String body :
        List.of(
            "0020 0008 0003 1234 01020304",
            "0009 0004 0000 0201",
            "0024 0003 010203 00",
            "0025 0004 00000000",
            "000a 0003 000100 00")) {
      rejects(message(body));
    }
  }

  @Test
  void wrongFingerprintIsRejected() {
    byte[] b = valid();
    b[b.length - 1] ^= 1;
    assertTrue(rejects(b).getMessage().contains("FINGERPRINT"));
    byte[] c = valid();
    c[25] ^= 1; // a byte of USERNAME: the CRC no longer matches
    rejects(c);
  }

  @Test
  void unknownComprehensionRequiredAttributesAreReported() throws ParseException {
    byte[] b =
        StunMessage.builder(MessageType.BINDING_REQUEST, ID)
            .add(new UnknownAttribute(0x0031, new byte[] {1}))
            .add(new UnknownAttribute(0x8031, new byte[] {2}))
            .encode();
    assertEquals(List.of(0x0031), StunMessage.decode(b).unknownComprehensionRequired());
  }

  @Test
  void attributesAfterIntegrityAreIgnored() throws ParseException {
    byte[] key = {1};
    byte[] signed =
        StunMessage.builder(MessageType.BINDING_REQUEST, ID)
            .add(new Software("a"))
            .integrity(key)
            .encode();
    byte[] extra = Hex.bytes("0013 0004 01020304"); // DATA appended after MESSAGE-INTEGRITY
    byte[] tampered = Arrays.copyOf(signed, signed.length + extra.length);
    System.arraycopy(extra, 0, tampered, signed.length, extra.length);
    tampered[3] += (byte) extra.length;
    StunMessage m = StunMessage.decode(tampered);
    assertFalse(m.has(Data.class), "an attacker's attribute after the MAC is not believed");
    assertTrue(m.verifyIntegrity(key));
  }

  @Test
  void firstOfDuplicateAttributesWins() throws ParseException {
    byte[] b =
        StunMessage.builder(MessageType.BINDING_REQUEST, ID)
            .add(new Software("first"))
            .add(new Software("second"))
            .encode();
    assertEquals("first", StunMessage.decode(b).attribute(Software.class).orElseThrow().value());
  }

  @Test
  void paddingContentIsIgnored() throws ParseException {
    byte[] b =
        StunMessage.builder(MessageType.BINDING_REQUEST, ID).add(new Username("abc:def")).encode();
    b[b.length - 1] = 0x20; // the RFC 5769 vectors pad with spaces
    assertEquals("abc:def", StunMessage.decode(b).attribute(Username.class).orElseThrow().value());
  }

  @Test
  void integrityIsFalseWhenAbsentOrWrong() throws ParseException {
    StunMessage m = StunMessage.decode(valid());
    assertFalse(m.hasIntegrity());
    assertFalse(m.verifyIntegrity(new byte[] {1}));
    byte[] signed =
        StunMessage.builder(MessageType.BINDING_REQUEST, ID).integrity(new byte[] {1}).encode();
    signed[signed.length - 1] ^= 1;
    assertFalse(StunMessage.decode(signed).verifyIntegrity(new byte[] {1}));
  }

  @Test
  void malformedErrorReasonIsCutNotRejected() throws ParseException {
    // ERROR-CODE 400 with 600 bytes of 0xFF as its reason: 600 U+FFFD would be 1800 bytes.
    StringBuilder body = new StringBuilder("0009 025c 0000 0400");
    body.append(" ff".repeat(600));
    StunMessage m = StunMessage.decode(message(body.toString()));
    org.rtc4j.stun.attributes.ErrorCode e =
        m.attribute(org.rtc4j.stun.attributes.ErrorCode.class).orElseThrow();
    assertEquals(400, e.code());
    assertTrue(e.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 763);
  }

  @Test
  void nestedErrorsNameOneOffset() {
    ParseException e =
        assertThrows(
            ParseException.class,
            () -> StunMessage.decode(message("0020 0008 0003 1234 01020304")));
    assertEquals(25, e.offset(), "the family byte: header 20 + attribute header 4 + 1");
    assertEquals(1, e.getMessage().split("at offset").length - 1, e.getMessage());
  }

  /** A Binding request around {@code body} (hex), with a correct length field. */
  static byte[] message(String body) {
    byte[] attrs = Hex.bytes(body);
    byte[] out = new byte[20 + attrs.length];
    byte[] header = StunMessage.builder(MessageType.BINDING_REQUEST, ID).encode();
    System.arraycopy(header, 0, out, 0, 20);
    System.arraycopy(attrs, 0, out, 20, attrs.length);
    out[2] = (byte) (attrs.length >>> 8);
    out[3] = (byte) attrs.length;
    return out;
  }
}
