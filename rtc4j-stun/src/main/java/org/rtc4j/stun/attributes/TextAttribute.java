package org.rtc4j.stun.attributes;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/** The attributes whose value is UTF-8 text: USERNAME, REALM, NONCE, SOFTWARE, ALTERNATE-DOMAIN. */
public sealed interface TextAttribute extends StunAttribute
    permits Username, Realm, Nonce, Software, AlternateDomain {

  /** The text. */
  String value();

  @Override
  default void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.bytes(value().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks that {@code text} fits its attribute: at most {@code maxBytes} bytes of UTF-8.
   *
   * @throws IllegalArgumentException if it is too long
   */
  static String check(String text, int maxBytes, String name) {
    Objects.requireNonNull(text, name);
    int length = text.getBytes(StandardCharsets.UTF_8).length;
    if (length > maxBytes) {
      throw new IllegalArgumentException(
          name + " is " + length + " bytes of UTF-8; at most " + maxBytes + " are allowed");
    }
    return text;
  }

  /** Decodes a text attribute of {@code type}; malformed UTF-8 becomes U+FFFD. */
  static TextAttribute decode(int type, ByteReader value) throws ParseException {
    String text = new String(value.bytes(value.remaining()), StandardCharsets.UTF_8);
    return switch (type) {
      case AttributeType.USERNAME -> new Username(text);
      case AttributeType.REALM -> new Realm(text);
      case AttributeType.NONCE -> new Nonce(text);
      case AttributeType.SOFTWARE -> new Software(text);
      default -> new AlternateDomain(text);
    };
  }
}
