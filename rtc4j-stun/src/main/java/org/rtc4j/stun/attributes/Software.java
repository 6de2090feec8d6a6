package org.rtc4j.stun.attributes;

/**
 * SOFTWARE (RFC 8489 §14.14): a description of the sender's software.
 *
 * @param value the text, at most 762 bytes of UTF-8
 */
public record Software(String value) implements TextAttribute {
  /**
   * @throws IllegalArgumentException if the text is longer than 762 bytes of UTF-8
   */
  public Software {
    TextAttribute.check(value, 762, "Software");
  }

  @Override
  public int type() {
    return AttributeType.SOFTWARE;
  }
}
