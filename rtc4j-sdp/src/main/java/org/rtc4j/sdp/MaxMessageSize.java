package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=max-message-size} (RFC 8841 §6): the largest message, in bytes, the writer can receive
 * on its data channels; 0 means no limit. Without the attribute, 64 KiB (RFC 8841 §6.1).
 *
 * @param size bytes, 0 or more
 */
public record MaxMessageSize(long size) implements TypedAttribute {
  /** The attribute name, {@code max-message-size}. */
  public static final String NAME = "max-message-size";

  /** The size to assume when the attribute is absent (RFC 8841 §6.1). */
  public static final long DEFAULT = 65536;

  /**
   * @throws IllegalArgumentException if the size is negative
   */
  public MaxMessageSize {
    Syntax.require(size >= 0, "max-message-size must not be negative: " + size);
  }

  /**
   * Parses the value of {@code a=max-message-size}.
   *
   * @throws SdpParseException if it is not a decimal number that fits in a long
   */
  public static MaxMessageSize parse(String value) throws SdpParseException {
    List<String> fields = Syntax.fields(value);
    if (fields.size() != 1) {
      throw new SdpParseException("max-message-size must be one number: " + Syntax.quote(value), 0);
    }
    return new MaxMessageSize(Syntax.number(fields.get(0), 0, Long.MAX_VALUE, "max-message-size"));
  }

  /** Whether this says there is no limit. */
  public boolean isUnlimited() {
    return size == 0;
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return Long.toString(size);
  }
}
