package org.rtc4j.stun.attributes;

/**
 * REALM (RFC 8489 §14.9): the realm of long-term credentials.
 *
 * @param value the text, at most 762 bytes of UTF-8
 */
public record Realm(String value) implements TextAttribute {
  /**
   * @throws IllegalArgumentException if the text is longer than 762 bytes of UTF-8
   */
  public Realm {
    TextAttribute.check(value, 762, "Realm");
  }

  @Override
  public int type() {
    return AttributeType.REALM;
  }
}
