package org.rtc4j.stun.attributes;

/**
 * USERNAME (RFC 8489 §14.3): the user name of the credentials; in ICE, {@code
 * remoteUfrag:localUfrag}.
 *
 * @param value the text, at most 512 bytes of UTF-8
 */
public record Username(String value) implements TextAttribute {
  /**
   * @throws IllegalArgumentException if the text is longer than 512 bytes of UTF-8
   */
  public Username {
    TextAttribute.check(value, 512, "Username");
  }

  @Override
  public int type() {
    return AttributeType.USERNAME;
  }
}
