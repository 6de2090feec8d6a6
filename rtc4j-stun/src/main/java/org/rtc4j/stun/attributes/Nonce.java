package org.rtc4j.stun.attributes;

/**
 * NONCE (RFC 8489 §14.10): the server's nonce for long-term credentials.
 *
 * @param value the text, at most 762 bytes of UTF-8
 */
public record Nonce(String value) implements TextAttribute {
  /**
   * @throws IllegalArgumentException if the text is longer than 762 bytes of UTF-8
   */
  public Nonce {
    TextAttribute.check(value, 762, "Nonce");
  }

  @Override
  public int type() {
    return AttributeType.NONCE;
  }
}
