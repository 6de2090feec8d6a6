package org.rtc4j.stun.attributes;

/**
 * ALTERNATE-DOMAIN (RFC 8489 §14.16): the domain name of an ALTERNATE-SERVER, for TLS.
 *
 * @param value the text, at most 255 bytes of UTF-8
 */
public record AlternateDomain(String value) implements TextAttribute {
  /**
   * @throws IllegalArgumentException if the text is longer than 255 bytes of UTF-8
   */
  public AlternateDomain {
    TextAttribute.check(value, 255, "AlternateDomain");
  }

  @Override
  public int type() {
    return AttributeType.ALTERNATE_DOMAIN;
  }
}
